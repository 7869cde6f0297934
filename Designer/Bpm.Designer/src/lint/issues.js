// bpmnlint's reports as issues for the page, errors first: [{ id, rule, category, message }].
export function issuesOf(reports) {
  const rank = (issue) => (issue.category === 'error' ? 0 : 1);
  return reports
    .map((report) => ({
      id: report.actualElementId || report.id || null,
      rule: report.rule,
      category: report.category,
      message: report.message,
    }))
    .sort((a, b) => rank(a) - rank(b));
}

// What bpmnlint's linter returns ({ rule: [report] }) as one list of reports that name their rule.
export function reportsOf(results) {
  return Object.entries(results).flatMap(([rule, reports]) => reports.map((report) => ({ ...report, rule })));
}

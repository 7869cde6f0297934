// bpmnlint's results ({ rule: [report] }) as a flat list of issues, errors first.
export function issuesOf(results) {
  const issues = Object.entries(results).flatMap(([rule, reports]) => reports.map((report) => ({
    id: report.actualElementId || report.id || null,
    rule,
    category: report.category,
    message: report.message,
  })));
  const rank = (issue) => (issue.category === 'error' ? 0 : 1);
  return issues.sort((a, b) => rank(a) - rank(b));
}

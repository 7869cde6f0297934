using Bpm.Engine.Expressions;
using static Bpm.Engine.Tests.Expressions.Variables;

namespace Bpm.Engine.Tests.Expressions;

public class ExpressionParsingTests
{
    [Theory]
    [InlineData("=a", ExpressionDialect.Feel)]
    [InlineData("  = a", ExpressionDialect.Feel)]
    [InlineData("${a}", ExpressionDialect.Juel)]
    [InlineData("x #{a}", ExpressionDialect.Juel)]
    [InlineData("approved", ExpressionDialect.Literal)]
    [InlineData("a = b", ExpressionDialect.Literal)]
    public void Should_detect_the_dialect(string text, ExpressionDialect expected)
    {
        var expression = Expression.Parse(text);

        Assert.Equal(expected, expression.Dialect);
        Assert.Equal(expected == ExpressionDialect.Literal, expression.IsLiteral);
        Assert.Equal(text, expression.Text);
    }

    [Fact]
    public void Should_evaluate_literal_text_to_itself() =>
        Assert.Equal("\" some text {x} \"", Json(" some text {x} "));

    [Theory]
    [InlineData("=1 +", 4)]
    [InlineData("=(1 + 2", 7)]
    [InlineData("=\"open", 1)]
    [InlineData("=a == b", 3)]
    [InlineData("=a ; b", 3)]
    [InlineData("${a +}", 5)]
    [InlineData("Hi ${name", 3)]
    [InlineData("${}", 0)]
    [InlineData("${a.toUpperCase()}", 4)]
    [InlineData("=foo(1)", 1)]
    public void Should_throw_a_syntax_error_naming_the_position(string text, int position)
    {
        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains($"at position {position}", error.Message);
        Assert.Contains(text, error.Message);
    }

    [Fact]
    public void Should_name_the_unsupported_method_in_the_syntax_error() =>
        Assert.Contains("toUpperCase", Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse("${name.toUpperCase()}")).Message);

    [Fact]
    public void Should_reject_text_longer_than_ten_thousand_characters() =>
        Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse("=" + new string('1', 10_000)));

    [Theory]
    [InlineData("=", "(", "1", ")")]
    [InlineData("=", "[", "1", "]")]
    [InlineData("=", "-", "1", "")]
    [InlineData("${", "(", "1", ")")]
    [InlineData("${", "!", "true", "")]
    public void Should_reject_nesting_deeper_than_two_hundred_levels(string prefix, string open, string inner, string close)
    {
        var text = prefix + string.Concat(Enumerable.Repeat(open, 4_000)) + inner + string.Concat(Enumerable.Repeat(close, 4_000))
            + (prefix == "${" ? "}" : "");

        var error = Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text));

        Assert.Contains("nested deeper than 200", error.Message);
    }

    [Theory]
    [InlineData("=", " + ")]
    [InlineData("=", " and ")]
    [InlineData("${", " || ")]
    public void Should_reject_operator_chains_deeper_than_two_hundred_levels(string prefix, string op)
    {
        var text = prefix + string.Join(op, Enumerable.Repeat("x", 1_000)) + (prefix == "${" ? "}" : "");

        Assert.Throws<ExpressionSyntaxException>(() => Expression.Parse(text));
    }

    [Fact]
    public void Should_accept_nesting_within_the_limit() =>
        Assert.Equal("1", Json("=" + new string('(', 150) + "1" + new string(')', 150)));
}

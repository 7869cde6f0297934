using System.Collections;
using Npgsql;
using NpgsqlTypes;

namespace Bpm.Engine.Storage;

/// <summary>
/// An insert of many rows into one PostgreSQL table as one statement over one array per column
/// (<c>INSERT … SELECT * FROM unnest($1, $2, …)</c>). Each column is named next to the value it takes, in a collection
/// initializer: <c>new ArrayInsert&lt;Row&gt;("table") { { "id", NpgsqlDbType.Text, r =&gt; r.Id }, … }</c>.
/// </summary>
internal sealed class ArrayInsert<T> : IEnumerable<string>
{
    private readonly string _table;
    private readonly List<(string Column, Func<IReadOnlyList<T>, NpgsqlParameter> Values)> _columns;
    private readonly string _onConflict;

    public ArrayInsert(string table) : this(table, [], "")
    {
    }

    private ArrayInsert(string table, List<(string, Func<IReadOnlyList<T>, NpgsqlParameter>)> columns, string onConflict)
    {
        _table = table;
        _columns = columns;
        _onConflict = onConflict;
    }

    /// <summary>The same insert, for rows that may be there already: <paramref name="clause"/> says what then happens.</summary>
    public ArrayInsert<T> OnConflict(string clause) => new(_table, _columns, " ON CONFLICT " + clause);

    public void Add<TValue>(string column, NpgsqlDbType type, Func<T, TValue> value) =>
        _columns.Add((column, rows => new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | type,
            Value = rows.Select(value).ToArray(),
        }));

    private string? _sql;

    public NpgsqlBatchCommand For(IReadOnlyList<T> rows)
    {
        var command = new NpgsqlBatchCommand(_sql ??= Sql());
        foreach (var (_, values) in _columns) command.Parameters.Add(values(rows));
        return command;
    }

    /// <summary>The statement's text, the same for every batch of rows (and so prepared once).</summary>
    private string Sql()
    {
        var columns = string.Join(", ", _columns.Select(c => c.Column));
        var arrays = string.Join(", ", _columns.Select((_, i) => "$" + (i + 1)));
        return $"INSERT INTO {_table} ({columns}) SELECT * FROM unnest({arrays}){_onConflict}";
    }

    public IEnumerator<string> GetEnumerator() => _columns.Select(c => c.Column).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

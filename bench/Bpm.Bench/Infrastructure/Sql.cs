using Npgsql;

namespace Bpm.Bench.Infrastructure;

/// <summary>Direct statements against the bench's PostgreSQL databases, for loading and checking data in bulk.</summary>
public static class Sql
{
    /// <summary>Runs <paramref name="sql"/> (one or more statements) in one transaction.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 600 };
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    public static async Task<long> CountAsync(string connectionString, string sql, params NpgsqlParameter[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(parameters);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}

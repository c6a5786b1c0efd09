/// The SQL dialect a migration step is written for.
public enum SQLDialect: String, Sendable {
    case sqlite
    case postgres
}

/// A database the store runs on. Two implementations: SQLite (GRDB) and PostgreSQL (PostgresNIO).
///
/// Store operations are written once, as reads, a pure decision over their rows, and writes; each driver runs them in
/// one transaction.
public protocol SQLDatabase: Sendable {
    var dialect: SQLDialect { get }

    /// Runs the reads in one read transaction.
    func read(_ statements: [SQLStatement]) async throws -> [[SQLRow]]

    /// A write transaction in stages: `reads` run first; each follow-up receives every row read so far and returns more reads
    /// (reads that depend on earlier rows); `decide` receives all the rows, stage after stage, and returns the writes.
    func transaction<Result: Sendable>(
        lock: String?, reads: [SQLStatement], followUps: [@Sendable ([[SQLRow]]) throws -> [SQLStatement]],
        decide: @Sendable ([[SQLRow]]) throws -> (writes: [SQLWrite], result: Result)
    ) async throws -> Result

    /// Runs schema statements (a migration step) in one transaction.
    func executeScript(_ statements: [String]) async throws

    /// Runs one statement outside any transaction (`CREATE DATABASE`, `VACUUM`).
    func executeScriptOutsideTransaction(_ statement: String) async throws

    /// Releases connections.
    func close() async throws
}

extension SQLDatabase {
    /// One write transaction: runs `reads`, passes their rows to `decide`, then carries out the writes it returns.
    /// `lock` names a scope (a tenant) whose writers must not interleave; SQLite's single writer already guarantees it.
    public func transaction<Result: Sendable>(
        lock: String?, reads: [SQLStatement], decide: @Sendable ([[SQLRow]]) throws -> (writes: [SQLWrite], result: Result)
    ) async throws -> Result {
        try await transaction(lock: lock, reads: reads, followUps: [], decide: decide)
    }
}

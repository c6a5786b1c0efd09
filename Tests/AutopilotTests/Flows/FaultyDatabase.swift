import Foundation
import Storage
import Synchronization

/// A database that makes one chosen write transaction fail after a chosen number of its writes, as a crash would: the
/// transaction rolls back. Counts only transactions that write something.
final class FaultyDatabase: SQLDatabase {
    struct Plan: Sendable {
        var transaction: Int
        var afterWrites: Int
    }

    struct InjectedFault: Error {}

    let base: any SQLDatabase
    var dialect: SQLDialect { base.dialect }
    private let state: Mutex<(count: Int, plan: Plan?, writeCounts: [Int])>

    init(base: any SQLDatabase) {
        self.base = base
        state = Mutex((0, nil, []))
    }

    /// Starts counting writing transactions from here, with the fault to inject (nil: none).
    func arm(_ plan: Plan?) {
        state.withLock { $0 = (0, plan, []) }
    }

    /// Whether the planned fault was injected (a transaction with that index ran).
    var fired: Bool { state.withLock { $0.plan == nil } }

    /// How many writes each writing transaction carried, in order.
    var writeCounts: [Int] { state.withLock { $0.writeCounts } }

    func read(_ statements: [SQLStatement]) async throws -> [[SQLRow]] {
        try await base.read(statements)
    }

    func transaction<Result: Sendable>(
        lock: String?, reads: [SQLStatement], followUps: [@Sendable ([[SQLRow]]) throws -> [SQLStatement]],
        decide: @Sendable ([[SQLRow]]) throws -> (writes: [SQLWrite], result: Result)
    ) async throws -> Result {
        try await base.transaction(lock: lock, reads: reads, followUps: followUps) { rows in
            let (writes, result) = try decide(rows)
            let nonEmpty = writes.filter { !$0.isEmpty }
            guard !nonEmpty.isEmpty else { return (writes, result) }
            let fault: Int? = self.state.withLock { state in
                let index = state.count
                state.count += 1
                state.writeCounts.append(nonEmpty.count)
                guard let plan = state.plan, plan.transaction == index else { return nil }
                state.plan = nil
                return min(plan.afterWrites, nonEmpty.count)
            }
            guard let fault else { return (writes, result) }
            return (Array(nonEmpty.prefix(fault)) + [.statement(SQLStatement("INSERT INTO injected_fault_no_such_table VALUES (1)"))], result)
        }
    }

    func executeScript(_ statements: [String]) async throws { try await base.executeScript(statements) }
    func executeScriptOutsideTransaction(_ statement: String) async throws { try await base.executeScriptOutsideTransaction(statement) }
    func close() async throws {}
}

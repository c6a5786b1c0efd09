import AutopilotCore
import PostgresNIO

/// PostgresNIO wraps whatever is thrown inside a transaction; error mapping looks through it to that error.
extension PostgresTransactionError: WrappingError {
    /// The error the transaction's body threw, else the one from `BEGIN` or `COMMIT`.
    public var wrappedError: (any Error)? { closureError ?? beginError ?? commitError }
}

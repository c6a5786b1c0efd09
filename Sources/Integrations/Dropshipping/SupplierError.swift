import AutopilotCore
import Foundation

/// A supplier or storefront call that failed: a code, a message naming the field or the answer, and whether trying again
/// later may succeed (network errors, 429 and 5xx answers).
public struct SupplierError: AutopilotError, Equatable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var isTransient: Bool

    public init(code: String, message: String, isTransient: Bool = false) {
        self.code = code
        self.message = message
        self.isTransient = isTransient
    }

    /// A transient failure leaves the supplier unavailable for now (503); another is an unusable answer (502).
    public var category: ErrorCategory { isTransient ? .unavailable : .upstreamFailure }

    public var description: String { "\(code): \(message)" }
}

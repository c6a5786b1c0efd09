import Foundation

/// A dropshipping supplier Autopilot places orders with through its HTTP API.
public enum Supplier: String, Sendable, Hashable, Codable, CaseIterable {
    /// CJdropshipping (API 2.0).
    case cj
    /// BigBuy.
    case bigbuy

    /// The supplier's name for people.
    public var displayName: String {
        switch self {
        case .cj: "CJdropshipping"
        case .bigbuy: "BigBuy"
        }
    }

    /// The environment variable holding the supplier's API credential.
    public var credentialVariable: String {
        switch self {
        case .cj: "CJ_ACCESS_TOKEN or CJ_API_KEY"
        case .bigbuy: "BIGBUY_API_KEY"
        }
    }

    /// Reads a supplier name as written in configuration (`cj`, `cjdropshipping`, `bigbuy`), case-insensitively.
    public init?(name: String) {
        switch name.trimmingCharacters(in: .whitespaces).lowercased() {
        case "cj", "cjdropshipping", "cj-dropshipping": self = .cj
        case "bigbuy", "big-buy": self = .bigbuy
        default: return nil
        }
    }
}

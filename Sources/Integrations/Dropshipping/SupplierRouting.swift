import AutopilotCore
import Foundation

/// Which supplier ships a SKU, by the SKU's prefix: the longest matching prefix wins, compared case-insensitively.
///
/// The default table: `CJ-`, `CJD-`, `CJDS-` → CJdropshipping; `BB-`, `BIGBUY-` → BigBuy. A shop replaces it with
/// AUTOPILOT_SUPPLIER_PREFIXES, e.g. `CJ-,CJD-,CJDS-=cj; BB-,BIGBUY-=bigbuy`.
public struct SupplierRouting: Sendable, Equatable {
    /// One prefix and its supplier.
    public struct Rule: Sendable, Equatable {
        public var prefix: String
        public var supplier: Supplier

        public init(prefix: String, supplier: Supplier) {
            self.prefix = prefix
            self.supplier = supplier
        }
    }

    /// Longest prefix first, so the first match is the longest.
    public private(set) var rules: [Rule]

    public init(rules: [Rule]) {
        self.rules = rules.sorted { ($0.prefix.count, $0.prefix) > ($1.prefix.count, $1.prefix) }
    }

    /// The table used when AUTOPILOT_SUPPLIER_PREFIXES is not set.
    public static let defaults = SupplierRouting(rules: [
        Rule(prefix: "CJ-", supplier: .cj), Rule(prefix: "CJD-", supplier: .cj), Rule(prefix: "CJDS-", supplier: .cj),
        Rule(prefix: "BB-", supplier: .bigbuy), Rule(prefix: "BIGBUY-", supplier: .bigbuy),
    ])

    /// The rule routing `sku`, if any.
    public func rule(forSKU sku: String) -> Rule? {
        let upper = sku.uppercased()
        return rules.first { upper.hasPrefix($0.prefix.uppercased()) }
    }

    /// The prefixes, longest first, for messages.
    public var prefixes: [String] { rules.map(\.prefix) }

    /// Parses `PREFIX,PREFIX=supplier; PREFIX=supplier`. Errors name the variable and the faulty part.
    public static func parse(_ text: String, variable: String = "AUTOPILOT_SUPPLIER_PREFIXES") throws -> SupplierRouting {
        var rules: [Rule] = []
        var seen = Set<String>()
        for group in text.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !group.isEmpty {
            let parts = group.split(separator: "=", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else {
                throw ConfigurationError(variable: variable, reason: "\"\(group)\" is not PREFIX,PREFIX=supplier")
            }
            guard let supplier = Supplier(name: parts[1]) else {
                throw ConfigurationError(variable: variable, reason: "\"\(parts[1])\" is not a supplier (cj, bigbuy)")
            }
            for prefix in parts[0].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard !prefix.isEmpty else { throw ConfigurationError(variable: variable, reason: "an empty prefix in \"\(group)\"") }
                guard seen.insert(prefix.uppercased()).inserted else {
                    throw ConfigurationError(variable: variable, reason: "the prefix \"\(prefix)\" is given twice")
                }
                rules.append(Rule(prefix: prefix, supplier: supplier))
            }
        }
        guard !rules.isEmpty else { throw ConfigurationError(variable: variable, reason: "no PREFIX=supplier rule") }
        return SupplierRouting(rules: rules)
    }
}

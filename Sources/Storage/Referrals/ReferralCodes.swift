import AutopilotCore

/// The codes an `order.placed` event names: `referral_code`, and `discount_codes` (strings, or objects with a `code`, as
/// Shopify sends them). Upper-cased, since shops accept codes in any case.
public enum ReferralCodes {
    public static func named(by event: EventRecord) -> Set<String> {
        guard event.type == .orderPlaced else { return [] }
        var codes = Set<String>()
        if let code = event.properties["referral_code"]?.stringValue { codes.insert(code.uppercased()) }
        for item in event.properties["discount_codes"]?.arrayValue ?? [] {
            if let code = item.stringValue ?? item["code"]?.stringValue { codes.insert(code.uppercased()) }
        }
        return codes.filter { !$0.isEmpty && $0.count <= 100 }
    }
}

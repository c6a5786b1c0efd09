import Crypto

/// Deterministic assignment of contacts to holdout groups and split variants: a number in [0, 1) from SHA-256 of the
/// flow id, the contact id and what is being decided. The same inputs give the same answer on every machine, worker and
/// restart (unlike Swift's `Hasher`, which is seeded per process), so a contact always sees the same variant.
public enum FlowAssignment {
    /// The contact's place in [0, 1) for one decision (`salt`: `holdout`, `split`, …) in one flow.
    public static func unit(flowID: String, contactID: String, salt: String) -> Double {
        let digest = SHA256.hash(data: Array("\(salt)\u{1F}\(flowID)\u{1F}\(contactID)".utf8))
        var value: UInt64 = 0
        for byte in digest.prefix(8) { value = value << 8 | UInt64(byte) }
        // The top 53 bits make an exactly representable double in [0, 1).
        return Double(value >> 11) / Double(UInt64(1) << 53)
    }

    /// Whether the contact is in the flow's holdout of `percent` %.
    public static func isHeldOut(flowID: String, contactID: String, percent: Double) -> Bool {
        percent > 0 && unit(flowID: flowID, contactID: contactID, salt: "holdout") * 100 < percent
    }

    /// Whether the contact is in the tenant-wide holdout of `percent` % (the same contacts for every flow).
    public static func isInTenantHoldout(contactID: String, percent: Double) -> Bool {
        percent > 0 && unit(flowID: "*", contactID: contactID, salt: "tenant-holdout") * 100 < percent
    }

    /// The variant a contact takes in a flow's split, by the variants' weights; nil when no variant has weight.
    public static func variant(of split: SplitStep, flowID: String, contactID: String) -> FlowVariant? {
        let total = split.variants.reduce(0) { $0 + max($1.weight, 0) }
        guard total > 0 else { return nil }
        let point = unit(flowID: flowID, contactID: contactID, salt: "split") * total
        var cumulative = 0.0
        for variant in split.variants where variant.weight > 0 {
            cumulative += variant.weight
            if point < cumulative { return variant }
        }
        return split.variants.last { $0.weight > 0 }
    }
}

/// Deterministic recommendation ids: `rec_` and 16 hex digits of a 64-bit FNV-1a hash of the contact id, the rule
/// and the trigger (a message id, or a moment). The same facts give the same id on every run and every machine, so a
/// dismissed recommendation is recognised when it is computed again.
public enum RecommendationID {
    /// The id for `rule` on `contactID`, triggered by `trigger`.
    public static func make(contactID: String, rule: RecommendationRule, trigger: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func add(_ text: String) {
            for byte in text.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
        }
        add(contactID)
        add("\u{1F}")
        add(rule.rawValue)
        add("\u{1F}")
        add(trigger)
        return "rec_" + hex(hash)
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex(_ value: UInt64) -> String {
        var bytes = [UInt8](repeating: 0, count: 16)
        var rest = value
        for index in stride(from: 15, through: 0, by: -1) {
            bytes[index] = digits[Int(rest & 15)]
            rest >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

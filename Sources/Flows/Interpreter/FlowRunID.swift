/// Deterministic ids: the same trigger for the same contact and flow always names the same run, so a retried start is a no-op.
public enum FlowRunID {
    /// `run_` and 16 hex digits of FNV-1a over the flow id, the contact id and the trigger key (the trigger event's id, or
    /// the date trigger's occurrence).
    public static func make(flowID: String, contactID: String, triggerKey: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(flowID)\u{1F}\(contactID)\u{1F}\(triggerKey)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "run_" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

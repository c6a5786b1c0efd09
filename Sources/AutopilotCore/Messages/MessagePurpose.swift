/// Whether a message sells something or serves an order the contact made. Raw values are persisted.
public enum MessagePurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Promotion, reminders, win-back, review requests: needs consent, capped, quiet hours apply.
    case marketing
    /// Order confirmation, shipping notification: no marketing consent needed, not capped; still stopped by an SMS/WhatsApp STOP.
    case transactional
}

/// Why a recommendation's priority is above its rule's base priority. Raw values are persisted.
public enum PriorityEscalation: String, Sendable, Codable, Hashable, CaseIterable {
    /// A message rule on a contact who is a hot lead: one level up (low → medium, medium → high).
    case hotLead = "hot_lead"
    /// A low-priority recommendation past its due date: up to medium. Age alone never makes a recommendation high.
    case overdue
}

/// A piece of the qualification the dialogue asks for, in the order it asks: the need first, the budget last (it is
/// the question visitors mind most, and by then they know why it is asked). Raw values are persisted.
public enum QualificationField: String, Sendable, Codable, CodingKeyRepresentable, CaseIterable, Hashable {
    /// What the visitor wants to achieve (BANT's "need").
    case need
    /// The shop platform, emailing tool or CRM the visitor uses today.
    case currentTools
    /// When the visitor wants to start (BANT's "timeline").
    case timeline
    /// Whether the visitor decides (BANT's "authority").
    case authority
    /// The monthly budget (BANT's "budget").
    case budget
}

/// What a sent message is to the person who got it: a conversation (written by a person, sent by an accepted
/// recommendation, or by a flow step marked `conversation: true`), or a flow's marketing or transactional message, whose
/// flow already follows up. The follow-up rules read only conversations (and every message to a lead). Raw values are
/// persisted (`messages.kind`) and accepted as the `kind` property of `message.sent` events.
public enum MessageKind: String, Sendable, Hashable, Codable, CaseIterable {
    case conversation
    case marketing
    case transactional

    /// A message whose kind was never said (recorded through the API without `kind`, or before kinds were recorded)
    /// is a conversation: a CRM's own emails are written by people.
    public static func effective(_ kind: MessageKind?) -> MessageKind { kind ?? .conversation }
}

import AutopilotCore

/// What a segment's condition may read (docs/segments.md): the contact as flows see it (`contact.*`), its scores
/// (`scores.*`), its latest lead's qualification (`lead.*`) and its history in days (`history.*`).
public enum SegmentVocabulary {
    private static let string = FieldSchema.value(.string)
    private static let number = FieldSchema.value(.number)

    /// The scores the nightly scoring and the rescoring keep on the contact.
    public static let scores = FieldSchema.object([
        "rfm_segment": string, "rfm_r": number, "rfm_f": number, "rfm_m": number, "churn_band": string, "churn_score": number,
        "clv": number, "p_alive": number,
    ])

    /// The contact's latest lead: its tier (hot, warm, cool, cold) and score (0–100).
    public static let lead = FieldSchema.object(["tier": string, "score": number])

    /// Days (with their fraction) since something last happened to the contact; null when it never did.
    public static let historyFields = [
        "days_since_order", "days_since_first_order", "days_since_created", "days_since_email_sent", "days_since_email_open",
        "days_since_click", "days_since_reply",
    ]

    public static let history = FieldSchema.object(Dictionary(uniqueKeysWithValues: historyFields.map { ($0, number) }))

    /// The paths a segment's condition may use.
    public static let schema = ConditionSchema(roots: ["contact": FlowVocabulary.contact, "scores": scores, "lead": lead, "history": history])

    /// Roots whose values change without an event about the contact: the clock moves `history.*`, the nightly scoring
    /// moves `scores.*`. Segments reading them are also swept on a timer.
    public static let timeDependentRoots: Set<String> = ["history", "scores"]
}

extension ConditionExpression {
    /// Every path the expression reads.
    public var paths: [[String]] {
        switch self {
        case .literal: []
        case .path(let components, _): [components]
        case .list(let elements, _): elements.flatMap(\.paths)
        case .not(let operand, _), .negate(let operand, _): operand.paths
        case .binary(_, let left, let right, _): left.paths + right.paths
        }
    }
}

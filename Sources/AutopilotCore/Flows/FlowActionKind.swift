/// What a flow action is. Raw values are persisted (`flow_actions.kind`) and never change.
public enum FlowActionKind: String, Sendable, Hashable, CaseIterable {
    /// A team notification (Slack, else the log).
    case notify
    /// An HTTP POST of the step's rendered JSON body.
    case webhook
    /// A follow-up for a person.
    case task
    /// A run held until a person approves or rejects.
    case approval
    /// A tag or attribute change on the contact (recorded as `contact.updated`).
    case updateContact = "update_contact"
    /// A phone call placed by the voice agent (migration 35).
    case call
}

/// Where a flow action stands. Raw values are persisted (`flow_actions.status`) and never change.
public enum FlowActionStatus: String, Sendable, Hashable, CaseIterable {
    /// For the engine to carry out.
    case pending
    /// Waiting for a person (a task, an approval).
    case open
    case done
    case failed
}

/// A CRM Autopilot keeps in step with its leads and orders. Persisted raw values never change.
public enum CRMProvider: String, Sendable, Hashable, CaseIterable, Codable {
    case hubspot
    case pipedrive
}

/// What an outbox row carries to the CRM. Persisted raw values never change.
public enum CRMRecordKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// A person: HubSpot contact, Pipedrive person. Keyed by lower-cased email.
    case contact
    /// An opportunity: HubSpot deal, Pipedrive deal. Keyed by `lead:<id>` or `order:<id>`.
    case deal
}

/// The ways an event names a person. At least one is present on every non-catalog event.
public struct ContactIdentifiers: Sendable, Hashable, Codable {
    /// Lower-cased, trimmed.
    public var email: String?
    /// E.164, e.g. `+33612345678`.
    public var phone: String?
    public var externalID: String?

    public init(email: String? = nil, phone: String? = nil, externalID: String? = nil) {
        self.email = email
        self.phone = phone
        self.externalID = externalID
    }

    public var isEmpty: Bool { email == nil && phone == nil && externalID == nil }

    enum CodingKeys: String, CodingKey {
        case email, phone
        case externalID = "external_id"
    }
}

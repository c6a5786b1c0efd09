import AutopilotCore

/// The identifiers a payload gives for a person, normalised; unusable values are dropped, never fatal.
///
/// A phone without a country code (`06 12 34 56 78`) cannot be made E.164 and is left out rather than failing the event.
struct ContactHint: Sendable, Equatable {
    var email: String?
    var phone: String?
    var externalID: String?

    var isEmpty: Bool { email == nil && phone == nil && externalID == nil }

    /// Keeps the first value that normalises to an address.
    mutating func offerEmail(_ raw: String?) {
        guard email == nil, let raw, let normalized = ContactFields.normalizeEmail(raw) else { return }
        email = normalized
    }

    /// Keeps the first value that normalises to E.164.
    mutating func offerPhone(_ raw: String?) {
        guard phone == nil, let raw, let normalized = ContactFields.normalizePhone(raw) else { return }
        phone = normalized
    }

    /// `<vendor>:<id>`, e.g. `shopify:7077410021556`; kept only when the id is usable.
    mutating func offerExternalID(_ provider: WebhookProvider, _ id: String?) {
        guard externalID == nil, let id, !id.isEmpty, id != "0" else { return }
        let value = "\(provider.prefix):\(id)"
        guard value.count <= 200 else { return }
        externalID = value
    }

    var json: JSONValue {
        var object = JSONObject()
        if let email { object["email"] = .string(email) }
        if let phone { object["phone"] = .string(phone) }
        if let externalID { object["external_id"] = .string(externalID) }
        return .object(object)
    }
}

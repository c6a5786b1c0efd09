import AutopilotCore
import Foundation

/// A person as Autopilot sends it to a CRM: identified by email, with the lead's BANT score and tier when known.
public struct CRMContact: Sendable, Hashable {
    /// Lower-cased; the record's key in every CRM.
    public var email: String
    public var firstName: String?
    public var lastName: String?
    public var phone: String?
    public var company: String?
    public var leadScore: Int?
    /// `hot`, `warm`, `cool`, `cold`.
    public var leadTier: String?

    public init(
        email: String, firstName: String? = nil, lastName: String? = nil, phone: String? = nil, company: String? = nil, leadScore: Int? = nil,
        leadTier: String? = nil
    ) {
        self.email = email.lowercased()
        self.firstName = firstName
        self.lastName = lastName
        self.phone = phone
        self.company = company
        self.leadScore = leadScore
        self.leadTier = leadTier
    }

    /// The name a CRM shows: first and last name, else the email.
    public var displayName: String {
        let name = [firstName, lastName].compactMap { $0 }.joined(separator: " ").trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? email : name
    }

    /// Fields of `newer` replace this one's where `newer` has them (two events about one person in one batch).
    public func merged(with newer: CRMContact) -> CRMContact {
        var merged = self
        merged.firstName = newer.firstName ?? firstName
        merged.lastName = newer.lastName ?? lastName
        merged.phone = newer.phone ?? phone
        merged.company = newer.company ?? company
        merged.leadScore = newer.leadScore ?? leadScore
        merged.leadTier = newer.leadTier ?? leadTier
        return merged
    }

    /// The outbox payload.
    public var json: JSONObject {
        var object: JSONObject = ["email": .string(email)]
        if let firstName { object["first_name"] = .string(firstName) }
        if let lastName { object["last_name"] = .string(lastName) }
        if let phone { object["phone"] = .string(phone) }
        if let company { object["company"] = .string(company) }
        if let leadScore { object["lead_score"] = .int(Int64(leadScore)) }
        if let leadTier { object["lead_tier"] = .string(leadTier) }
        return object
    }

    /// Reads an outbox payload; nil without an email.
    public init?(json: JSONObject) {
        guard let email = json["email"]?.stringValue, !email.isEmpty else { return nil }
        self.init(
            email: email, firstName: json["first_name"]?.stringValue, lastName: json["last_name"]?.stringValue, phone: json["phone"]?.stringValue,
            company: json["company"]?.stringValue, leadScore: json["lead_score"]?.intValue.map { Int(clamping: $0) },
            leadTier: json["lead_tier"]?.stringValue)
    }
}

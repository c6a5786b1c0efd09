import Foundation

/// The contacts a batch sees, indexed by every identifier, and the rules that link identifiers to one person.
///
/// Linking: an event goes to the contact its external id names, else its email, else its phone; a new contact is
/// created when none matches. Identifiers the contact lacks are added to it. An identifier already held by another
/// contact stays with that contact (the two are not merged automatically).
struct ContactDirectory {
    private var records: [String: ContactRecord] = [:]
    private var byEmail: [String: String] = [:]
    private var byPhone: [String: String] = [:]
    private var byExternalID: [String: String] = [:]
    private var touched: [String] = []
    private var touchedSet: Set<String> = []

    init(_ contacts: [ContactRecord]) {
        for contact in contacts { index(contact) }
    }

    func record(_ id: String) -> ContactRecord? { records[id] }

    private mutating func index(_ contact: ContactRecord) {
        records[contact.id] = contact
        if let email = contact.email { byEmail[email] = contact.id }
        if let phone = contact.phone { byPhone[phone] = contact.id }
        if let external = contact.externalID { byExternalID[external] = contact.id }
    }

    /// The contact the identifiers name, made when none does. The record is changed where it is kept (a contact is a
    /// large value: copying it out and back for every event of a batch cost more than the rest of the linking).
    mutating func resolve(_ identifiers: ContactIdentifiers, at: Date, ids: any IDGenerator) -> String {
        let matched =
            identifiers.externalID.flatMap { byExternalID[$0] }
            ?? identifiers.email.flatMap { byEmail[$0] }
            ?? identifiers.phone.flatMap { byPhone[$0] }
        let id: String
        if let matched, records[matched] != nil {
            id = matched
        } else {
            id = ids.make("ct")
            records[id] = ContactRecord(id: id, createdAt: at)
        }
        if let external = identifiers.externalID, byExternalID[external] == nil, records[id]?.externalID == nil {
            records[id]?.externalID = external
            byExternalID[external] = id
        }
        if let email = identifiers.email, byEmail[email] == nil {
            if let old = records[id]?.email { byEmail[old] = nil }
            records[id]?.email = email
            byEmail[email] = id
        }
        if let phone = identifiers.phone, byPhone[phone] == nil {
            if let old = records[id]?.phone { byPhone[old] = nil }
            records[id]?.phone = phone
            byPhone[phone] = id
        }
        if let createdAt = records[id]?.createdAt, at < createdAt { records[id]?.createdAt = at }
        markTouched(id)
        return id
    }

    mutating func touch(_ id: String, at: Date) {
        guard let updatedAt = records[id]?.updatedAt else { return }
        if at > updatedAt { records[id]?.updatedAt = at }
        markTouched(id)
    }

    mutating func update(_ id: String, _ change: (inout ContactRecord) -> Void) {
        guard records[id] != nil else { return }
        change(&records[id]!)
        markTouched(id)
    }

    private mutating func markTouched(_ id: String) {
        if touchedSet.insert(id).inserted { touched.append(id) }
    }

    func touchedRecords() -> [ContactRecord] {
        touched.compactMap { records[$0] }
    }

    mutating func applyProfile(_ profile: ContactProfile, to id: String, at: Date, eventType: EventType) {
        update(id) { contact in
            if let value = profile.firstName { contact.firstName = value }
            if let value = profile.lastName { contact.lastName = value }
            if let value = profile.locale { contact.locale = value }
            if let value = profile.timezone { contact.timezone = value }
            if let value = profile.birthdate { contact.birthdate = value }
            if let attributes = profile.attributes {
                for (key, value) in attributes { contact.attributes[key] = value.isNull ? nil : value }
            }
            let source = profile.consentSource ?? eventType.rawValue
            var recorded: [JSONValue] = []
            for (channel, granted) in profile.consents {
                if let current = contact.consents[channel], current.at > at { continue }
                contact.consents[channel] = ConsentState(granted: granted, at: at, source: source)
                recorded.append(.string(channel.rawValue))
            }
            if let text = profile.consentText, !recorded.isEmpty {
                // The proof of consent: what the person ticked, when, where, for which channels.
                contact.attributes["consent_record"] = [
                    "text": .string(text), "at": .string(Timestamp.format(at)), "source": .string(source),
                    "channels": .array(recorded.sorted { ($0.stringValue ?? "") < ($1.stringValue ?? "") }),
                ]
            }
        }
    }

    mutating func withdrawConsent(_ scope: ChannelScope, from id: String, at: Date) {
        update(id) { contact in
            for channel in scope.channels {
                if let current = contact.consents[channel], current.at > at, current.granted == false { continue }
                contact.consents[channel] = ConsentState(granted: false, at: at, source: EventType.contactUnsubscribed.rawValue)
            }
        }
    }
}

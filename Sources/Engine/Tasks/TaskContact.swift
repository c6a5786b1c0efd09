import AutopilotCore
import Foundation
import Storage

/// Who a task is about: a known contact by id, or what someone gave (a name, an email, a phone number). Addresses are
/// normalised; a known address links the task to its contact.
public struct TaskContact: Sendable, Equatable {
    public var contactID: String?
    public var name: String?
    public var email: String?
    public var phone: String?

    public init(contactID: String? = nil, name: String? = nil, email: String? = nil, phone: String? = nil) {
        self.contactID = contactID
        self.name = name
        self.email = email
        self.phone = phone
    }

    public var isEmpty: Bool { contactID == nil && email == nil && phone == nil && (name ?? "").isEmpty }

    /// Reads `{contact_id?, name?, email?, phone?}` under `field`; a wrong type names the path.
    public init(json value: JSONValue?, field: String) throws {
        guard let value, value != .null else {
            self.init()
            return
        }
        guard let object = value.objectValue else { throw ValidationError(code: "invalid_task", field: field, message: "must be an object") }
        func text(_ name: String) throws -> String? {
            guard let value = object[name], value != .null else { return nil }
            guard let text = value.stringValue else { throw ValidationError(code: "invalid_task", field: "\(field).\(name)", message: "must be a string") }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        self.init(contactID: try text("contact_id"), name: try text("name"), email: try text("email"), phone: try text("phone"))
    }

    /// The contact with normalised addresses and, when the tenant knows it, its id and stored addresses; throws naming
    /// `field.email`, `field.phone` or `field.contact_id` when one is not valid or not the tenant's.
    func resolved(store: any AutopilotStore, tenantID: String, field: String = "contact") async throws -> ResolvedContact {
        var contact = self
        if let name, name.count > 200 { throw ValidationError(code: "invalid_task", field: "\(field).name", message: "is longer than 200 characters") }
        if let email {
            guard let normalized = ContactFields.normalizeEmail(email) else {
                throw ValidationError(code: "invalid_task", field: "\(field).email", message: "\"\(email)\" is not an email address")
            }
            contact.email = normalized
        }
        if let phone {
            guard let normalized = ContactFields.normalizePhone(phone) else {
                throw ValidationError(
                    code: "invalid_task", field: "\(field).phone", message: "\"\(phone)\" is not an international phone number such as +33612345678")
            }
            contact.phone = normalized
        }
        var record: ContactRecord?
        if let id = contactID {
            guard let found = try await store.contacts(ids: [id], tenantID: tenantID)[id] else {
                throw ValidationError(code: "unknown_contact", field: "\(field).contact_id", message: "no contact \"\(id)\"")
            }
            record = found
        } else if let id = try await store.contactID(email: contact.email, phone: contact.phone, tenantID: tenantID) {
            record = try await store.contacts(ids: [id], tenantID: tenantID)[id]
        }
        if let record {
            contact.contactID = record.id
            contact.email = contact.email ?? record.email
            contact.phone = contact.phone ?? record.phone
            if contact.name == nil {
                let full = [record.firstName, record.lastName].compactMap { $0 }.joined(separator: " ")
                contact.name = full.isEmpty ? nil : full
            }
        }
        return ResolvedContact(contact: contact, record: record)
    }
}

/// A task's contact after resolution: the normalised details, and the stored contact when there is one.
struct ResolvedContact: Sendable {
    var contact: TaskContact
    var record: ContactRecord?
}

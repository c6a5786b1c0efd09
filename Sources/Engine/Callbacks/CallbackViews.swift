import AutopilotCore
import Foundation

/// A callback to book: the contact (an id, or a name and phone number), the slot's start (one of the offered slots),
/// a note for the person calling back, and who asks. `language` (`fr`, `en`) is recorded for a contact not known yet.
public struct CallbackRequest: Sendable, Equatable {
    public var contact: TaskContact
    public var start: Date
    public var note: String?
    public var language: String?
    public var conversationID: String?
    public var createdBy: String
    public var idempotencyKey: String?
    /// Queue a confirmation to the contact (true by default).
    public var confirm: Bool

    public init(
        contact: TaskContact, start: Date, note: String? = nil, language: String? = nil, conversationID: String? = nil, createdBy: String,
        idempotencyKey: String? = nil, confirm: Bool = true
    ) {
        self.contact = contact
        self.start = start
        self.note = note
        self.language = language
        self.conversationID = conversationID
        self.createdBy = createdBy
        self.idempotencyKey = idempotencyKey
        self.confirm = confirm
    }

    /// Reads `{contact, slot, note?, language?, conversation_id?, idempotency_key?, confirm?}`.
    public init(json object: JSONObject, createdBy: String) throws {
        func text(_ field: String) throws -> String? {
            guard let value = object[field], value != .null else { return nil }
            guard let text = value.stringValue else { throw ValidationError(code: "invalid_callback", field: field, message: "must be a string") }
            return text
        }
        guard let slot = try text("slot") else {
            throw ValidationError(code: "invalid_callback", field: "slot", message: "is required: the start of one of the offered slots")
        }
        guard let start = Timestamp.parse(slot) else {
            throw ValidationError(code: "invalid_callback", field: "slot", message: "\"\(slot)\" is not an ISO 8601 date-time")
        }
        var confirm = true
        if let value = object["confirm"], value != .null {
            guard let flag = value.boolValue else { throw ValidationError(code: "invalid_callback", field: "confirm", message: "must be true or false") }
            confirm = flag
        }
        self.init(
            contact: try TaskContact(json: object["contact"], field: "contact"), start: start, note: try text("note"), language: try text("language"),
            conversationID: try text("conversation_id"), createdBy: createdBy, idempotencyKey: try text("idempotency_key"), confirm: confirm)
    }
}

/// A slot as the API and the tools show it: UTC instants, the local time with its offset, and how to say it.
public struct CallbackSlotView: Sendable, Equatable, Encodable {
    public var start: Date
    public var end: Date
    public var local: String
    public var labelFR: String
    public var labelEN: String

    enum CodingKeys: String, CodingKey {
        case start, end, local
        case labelFR = "label_fr", labelEN = "label_en"
    }

    public init(_ slot: CallbackSlot, timeZone: TimeZone) {
        start = slot.start
        end = slot.end
        local = CallbackWording.localISO(slot.start, timeZone: timeZone)
        labelFR = CallbackWording.when(slot.start, timeZone: timeZone, language: "fr")
        labelEN = CallbackWording.when(slot.start, timeZone: timeZone, language: "en")
    }
}

/// A booked callback: its task, its slot, and the confirmation queued (nil when none was asked for).
public struct ScheduledCallback: Sendable, Equatable, Encodable {
    public var task: TaskView
    public var created: Bool
    public var slot: CallbackSlotView
    public var confirmation: QueuedMessage?
}

/// The tenant's business hours as written, its holiday calendar and its time zone.
public struct BusinessHoursView: Sendable, Equatable, Encodable {
    public var hours: String
    public var holidays: String
    public var timeZone: String

    enum CodingKeys: String, CodingKey {
        case hours, holidays
        case timeZone = "time_zone"
    }
}

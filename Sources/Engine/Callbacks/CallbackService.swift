import AutopilotCore
import Flows
import Foundation
import Storage

/// Callbacks: the slots a tenant offers (its business hours in its time zone) and booking one — a `callback` task for
/// the team and a confirmation to the contact (SMS when they have a phone, else email), queued through the outbox like
/// every message (transactional: consent for marketing is not needed, an unsubscribe still stops it).
public struct CallbackService: Sendable {
    public let dependencies: Dependencies
    public var slotMinutes = 30
    public var minimumNotice: TimeInterval = 3_600
    public var horizonDays = 14

    /// The tenant settings the hours and holidays are kept in.
    public static let hoursSetting = "business_hours"
    public static let holidaysSetting = "business_holidays"
    public static let maximumSlots = 50

    public init(dependencies: Dependencies) {
        self.dependencies = dependencies
    }

    /// The tenant's business hours (Monday to Friday, 9:00 to 18:00 until it sets its own).
    public func businessHours(tenantID: String) async throws -> BusinessHoursView {
        let scheduler = try await scheduler(tenantID: tenantID)
        return BusinessHoursView(
            hours: scheduler.hours.description, holidays: scheduler.holidays.rawValue,
            timeZone: try await TenantService(dependencies: dependencies).timeZoneIdentifier(tenantID: tenantID))
    }

    /// Sets the business hours (`mon-fri 09:00-18:00; sat 10:00-13:00`) and, when given, the public holidays with no
    /// callbacks (`france`, `france_alsace_moselle`, `none`); refused naming `business_hours` or `holidays`.
    public func setBusinessHours(_ text: String, holidays: String? = nil, tenantID: String) async throws -> BusinessHoursView {
        let hours = try BusinessHours.parse(text)
        guard hours.isOpenSomeDay else {
            throw ValidationError(code: "invalid_business_hours", field: "business_hours", message: "no day has hours")
        }
        var calendar: PublicHolidayCalendar?
        if let holidays {
            guard let known = PublicHolidayCalendar(rawValue: holidays) else {
                let names = PublicHolidayCalendar.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError(code: "invalid_business_hours", field: "holidays", message: "\"\(holidays)\" is not one of \(names)")
            }
            calendar = known
        }
        _ = try await TenantService(dependencies: dependencies).timeZoneIdentifier(tenantID: tenantID)
        let now = dependencies.clock.now()
        try await dependencies.store.setTenantSetting(Self.hoursSetting, to: hours.description, tenantID: tenantID, now: now)
        if let calendar { try await dependencies.store.setTenantSetting(Self.holidaysSetting, to: calendar.rawValue, tenantID: tenantID, now: now) }
        return try await businessHours(tenantID: tenantID)
    }

    /// The tenant's scheduler: its hours, zone and holidays (a stored value that no longer reads falls back to the default).
    public func scheduler(tenantID: String) async throws -> CallbackScheduler {
        let settings = try await dependencies.store.tenantSettings(tenantID: tenantID)
        let hours = settings[Self.hoursSetting].flatMap { try? BusinessHours.parse($0) } ?? .standard
        let holidays = settings[Self.holidaysSetting].flatMap(PublicHolidayCalendar.init(rawValue:)) ?? PublicHolidayCalendar.none
        return CallbackScheduler(
            hours: hours, timeZone: try await TenantService(dependencies: dependencies).timeZone(tenantID: tenantID), slotMinutes: slotMinutes,
            minimumNotice: minimumNotice, horizonDays: horizonDays, holidays: holidays)
    }

    /// The next free slots (1 to 50; 5 by default).
    public func slots(tenantID: String, count: Int = 5) async throws -> [CallbackSlotView] {
        guard (1...Self.maximumSlots).contains(count) else {
            throw ValidationError(code: "invalid_request", field: "count", message: "must be between 1 and \(Self.maximumSlots)")
        }
        let scheduler = try await scheduler(tenantID: tenantID)
        let now = dependencies.clock.now()
        let booked = try await booked(tenantID: tenantID, now: now, scheduler: scheduler)
        return scheduler.slots(from: now, count: count, booked: booked).map { CallbackSlotView($0, timeZone: scheduler.timeZone) }
    }

    /// Books `request.start` (one of the offered slots) for the contact: creates the callback task and queues the
    /// confirmation. The same idempotency key again returns the same booking; a slot booked meanwhile is a conflict.
    public func schedule(_ request: CallbackRequest, tenantID: String) async throws -> ScheduledCallback {
        let scheduler = try await scheduler(tenantID: tenantID)
        let now = dependencies.clock.now()
        let key = request.idempotencyKey ?? dependencies.ids.make("cbk")
        if let language = request.language, !["fr", "en"].contains(language) {
            throw ValidationError(code: "invalid_callback", field: "language", message: "must be fr or en")
        }
        guard scheduler.offers(request.start, now: now) else {
            throw ValidationError(
                code: "invalid_callback", field: "slot",
                message: "\(Timestamp.format(request.start)) is not an offered slot (business hours \(scheduler.hours), \(slotMinutes)-minute slots, "
                    + "at least \(Int(minimumNotice / 60)) minutes ahead); ask for the free slots first")
        }
        guard request.contact.phone != nil || request.contact.contactID != nil else {
            throw ValidationError(code: "invalid_callback", field: "contact.phone", message: "a callback needs a phone number to call")
        }
        let record = try await request.contact.ensureContact(
            dependencies: dependencies, tenantID: tenantID, locale: request.language, key: "callback-contact:" + key)
        var contact = request.contact
        contact.contactID = record?.id
        let name = contact.name ?? [record?.firstName, record?.lastName].compactMap { $0 }.joined(separator: " ")
        let subject = "Callback / Rappel: " + (name.isEmpty ? (contact.phone ?? record?.phone ?? "") : name)
        let created = try await TaskService(dependencies: dependencies).create(
            NewTask(
                kind: .callback, contact: contact, subject: subject, details: request.note ?? "", dueAt: request.start,
                conversationID: request.conversationID, createdBy: request.createdBy, idempotencyKey: key), tenantID: tenantID)
        var confirmation: QueuedMessage?
        if request.confirm, let record {
            let zone = record.timezone.flatMap(TimeZone.init(identifier:)) ?? scheduler.timeZone
            let language = CallbackWording.language(of: record.locale)
            let channel: Channel = record.phone != nil ? .sms : .email
            let message = TransactionalMessage(
                contactID: record.id, key: "callback:" + created.task.id, channel: channel,
                template: channel == .sms ? "callback-confirmation-sms" : "callback-confirmation-email", step: "callback",
                context: ["callback": ["when": .string(CallbackWording.when(request.start, timeZone: zone, language: language))]])
            confirmation = try await message.queue(store: dependencies.store, tenantID: tenantID, now: now)
        }
        let slot = CallbackSlot(start: request.start, end: request.start.addingTimeInterval(Double(slotMinutes) * 60))
        return ScheduledCallback(
            task: created.task, created: created.created, slot: CallbackSlotView(slot, timeZone: scheduler.timeZone), confirmation: confirmation)
    }

    func booked(tenantID: String, now: Date, scheduler: CallbackScheduler) async throws -> Set<Date> {
        let end = now.addingTimeInterval(Double(scheduler.horizonDays + 2) * 86_400)
        return Set(try await dependencies.store.bookedCallbackTimes(tenantID: tenantID, from: now, to: end))
    }
}

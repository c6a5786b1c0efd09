import AutopilotCore
import Flows
import Foundation
import Storage

/// Send-time optimisation at dispatch: a message from a step marked `send_time: optimal`, looked at for the first time,
/// is moved to the contact's best hour (`SendTimeOptimizer`: their own opens and clicks of the last 180 days when there
/// are enough, else the tenant's), inside the channel's sending window (07:00–22:00 when the channel has none). The
/// choice is written on the message (`send_time_placed`), so it is made once.
struct SendTimePlacements {
    var contacts: [String: [Date]] = [:]
    var tenants: [String: [Date]] = [:]
    let settings: SmartSendingSettings

    static let history: TimeInterval = 180 * 86_400
    static let defaultWindow = SendingWindow(
        start: SendingWindow.TimeOfDay(hour: 7, minute: 0), end: SendingWindow.TimeOfDay(hour: 22, minute: 0), days: Set(SendingWindow.Weekday.allCases),
        skipPublicHolidays: false)

    static func needsPlacement(_ message: OutboxRecord) -> Bool {
        message.purpose == .marketing && message.options.optimalSendTime && message.options.sendTimePlaced == nil
    }

    /// Reads the engagement of the contacts whose messages need placing: one read per tenant and two per tenant at most.
    static func load(items: [DispatchItem], store: any EngagementStore, settings: SmartSendingSettings, now: Date) async throws -> SendTimePlacements {
        var placements = SendTimePlacements(settings: settings)
        let pending = items.map(\.message).filter(needsPlacement)
        guard !pending.isEmpty else { return placements }
        let since = now.addingTimeInterval(-history)
        for (tenantID, messages) in Dictionary(grouping: pending, by: \.tenantID) {
            let moments = try await store.engagementMoments(tenantID: tenantID, contactIDs: Set(messages.map(\.contactID)), since: since)
            placements.contacts.merge(moments) { a, _ in a }
            placements.tenants[tenantID] = try await store.tenantEngagementMoments(tenantID: tenantID, since: since, limit: 5_000)
        }
        return placements
    }

    /// Places the message: records the choice on it and returns the moment it must wait for (nil: it goes now).
    func place(_ message: inout OutboxRecord, contact: ContactRecord?, now: Date) -> Date? {
        guard Self.needsPlacement(message) else { return nil }
        let zone = contact?.timezone.flatMap(TimeZone.init(identifier:)) ?? TimeZone(identifier: settings.timeZone) ?? .gmt
        let rules =
            switch message.channel {
            case .email: settings.email
            case .sms: settings.sms
            case .whatsapp: settings.whatsapp
            }
        let allowed = SendTimeOptimizer.allowedHours(rules.sendingWindow ?? Self.defaultWindow)
        let choice = SendTimeOptimizer.bestHour(
            contactHours: SendTimeOptimizer.localHours(contacts[message.contactID] ?? [], timeZone: zone),
            tenantHours: SendTimeOptimizer.localHours(tenants[message.tenantID] ?? [], timeZone: zone), allowedHours: allowed)
        guard let choice else {
            message.options.sendTimePlaced = "none"
            return nil
        }
        message.options.sendTimePlaced = "\(choice.source.rawValue):\(choice.hour)"
        let moment = SendTimeOptimizer.moment(planned: max(now, message.scheduledAt), hour: choice.hour, timeZone: zone)
        return moment > now.addingTimeInterval(60) ? moment : nil
    }
}

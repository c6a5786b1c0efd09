import AutopilotCore
import Foundation

/// A tenant's smart-sending configuration. Every field has a default, so `{}` decodes to the defaults.
///
/// JSON keys: `time_zone`, `maximum_deferral_hours`, `public_holidays`, `transactional_email_ignores_unsubscribe`,
/// `transactional_respects_sending_window`, `email`, `sms`, `whatsapp` (each a ``ChannelSendingRules``).
public struct SmartSendingSettings: Sendable, Hashable, Codable {
    /// IANA zone used for contacts whose time zone is unknown.
    public var timeZone: String
    /// A message that cannot go out within this many hours of when it was due is skipped instead of deferred.
    public var maximumDeferralHours: Double
    /// Holidays on which sending windows with `skip_public_holidays` stay closed.
    public var publicHolidays: PublicHolidayCalendar
    /// A transactional email still goes out after an email unsubscribe (which covers marketing). SMS and WhatsApp STOPs always apply.
    public var transactionalEmailIgnoresUnsubscribe: Bool
    /// Transactional messages wait for the sending window too (off by default: an order confirmation goes out at once).
    public var transactionalRespectsSendingWindow: Bool
    public var email: ChannelSendingRules
    public var sms: ChannelSendingRules
    public var whatsapp: ChannelSendingRules

    public init(
        timeZone: String = "Europe/Paris",
        maximumDeferralHours: Double = 168,
        publicHolidays: PublicHolidayCalendar = .france,
        transactionalEmailIgnoresUnsubscribe: Bool = true,
        transactionalRespectsSendingWindow: Bool = false,
        email: ChannelSendingRules = .emailDefault,
        sms: ChannelSendingRules = .smsDefault,
        whatsapp: ChannelSendingRules = .whatsappDefault
    ) {
        self.timeZone = timeZone
        self.maximumDeferralHours = maximumDeferralHours
        self.publicHolidays = publicHolidays
        self.transactionalEmailIgnoresUnsubscribe = transactionalEmailIgnoresUnsubscribe
        self.transactionalRespectsSendingWindow = transactionalRespectsSendingWindow
        self.email = email
        self.sms = sms
        self.whatsapp = whatsapp
    }

    /// The rules of one channel.
    public func rules(for channel: Channel) -> ChannelSendingRules {
        switch channel {
        case .email: email
        case .sms: sms
        case .whatsapp: whatsapp
        }
    }

    /// Throws the first field that cannot be used.
    public func validate() throws(SmartSendingSettingsError) {
        guard TimeZone(identifier: timeZone) != nil else {
            throw SmartSendingSettingsError(code: "invalid_time_zone", field: "time_zone", message: "\"\(timeZone)\" is not an IANA time zone")
        }
        guard maximumDeferralHours.isFinite, maximumDeferralHours >= 0, maximumDeferralHours <= 24 * 366 else {
            throw SmartSendingSettingsError(
                code: "invalid_maximum_deferral", field: "maximum_deferral_hours",
                message: "must be between 0 and 8784 hours (a year), got \(maximumDeferralHours)"
            )
        }
        try email.validate(field: "email")
        try sms.validate(field: "sms")
        try whatsapp.validate(field: "whatsapp")
    }

    enum CodingKeys: String, CodingKey {
        case timeZone = "time_zone"
        case maximumDeferralHours = "maximum_deferral_hours"
        case publicHolidays = "public_holidays"
        case transactionalEmailIgnoresUnsubscribe = "transactional_email_ignores_unsubscribe"
        case transactionalRespectsSendingWindow = "transactional_respects_sending_window"
        case email, sms, whatsapp
    }

    /// Decodes and validates; missing fields keep their defaults, a channel's `null` rule switches it off.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SmartSendingSettings()
        timeZone = try container.decodeIfPresent(String.self, forKey: .timeZone) ?? defaults.timeZone
        maximumDeferralHours = try container.decodeIfPresent(Double.self, forKey: .maximumDeferralHours) ?? defaults.maximumDeferralHours
        publicHolidays = try container.decodeIfPresent(PublicHolidayCalendar.self, forKey: .publicHolidays) ?? defaults.publicHolidays
        transactionalEmailIgnoresUnsubscribe =
            try container.decodeIfPresent(Bool.self, forKey: .transactionalEmailIgnoresUnsubscribe)
            ?? defaults.transactionalEmailIgnoresUnsubscribe
        transactionalRespectsSendingWindow =
            try container.decodeIfPresent(Bool.self, forKey: .transactionalRespectsSendingWindow)
            ?? defaults.transactionalRespectsSendingWindow
        email = try Self.decodeRules(container, .email, defaults: defaults.email)
        sms = try Self.decodeRules(container, .sms, defaults: defaults.sms)
        whatsapp = try Self.decodeRules(container, .whatsapp, defaults: defaults.whatsapp)
        try validate()
    }

    private static func decodeRules(
        _ container: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys, defaults: ChannelSendingRules
    ) throws -> ChannelSendingRules {
        guard container.contains(key), try !container.decodeNil(forKey: key) else { return defaults }
        return try ChannelSendingRules(from: container.superDecoder(forKey: key), defaults: defaults)
    }
}

import Foundation
import Testing

@testable import Flows

@Suite("Smart sending settings")
struct SmartSendingSettingsTests {
    static func decode(_ json: String) throws -> SmartSendingSettings {
        try JSONDecoder().decode(SmartSendingSettings.self, from: Data(json.utf8))
    }

    @Test func emptyObjectGivesTheDefaults() throws {
        let settings = try Self.decode("{}")
        #expect(settings == SmartSendingSettings())
        #expect(settings.timeZone == "Europe/Paris")
        #expect(settings.maximumDeferralHours == 168)
        #expect(settings.email.frequencyCap == FrequencyCap(messages: 1, windowHours: 16))
        #expect(settings.email.sendingWindow == nil)
        #expect(settings.sms.frequencyCap == FrequencyCap(messages: 1, windowHours: 24))
        #expect(settings.whatsapp.frequencyCap == FrequencyCap(messages: 1, windowHours: 24))
        #expect(settings.sms.sendingWindow?.start.description == "08:00" && settings.sms.sendingWindow?.end.description == "20:00")
        #expect(settings.sms.sendingWindow?.days.contains(.sunday) == false && settings.sms.sendingWindow?.days.count == 6)
        #expect(settings.whatsapp.sendingWindow == settings.sms.sendingWindow)
    }

    @Test func overridesAndNullSwitchesOff() throws {
        let settings = try Self.decode(
            """
            {"time_zone": "Europe/Brussels", "maximum_deferral_hours": 48, "public_holidays": "none",
             "sms": {"sending_window": null, "frequency_cap": {"messages": 2, "window_hours": 12}},
             "email": {"sending_window": {"start": "9:30", "end": "18:00"}}}
            """)
        #expect(settings.timeZone == "Europe/Brussels" && settings.maximumDeferralHours == 48)
        #expect(settings.publicHolidays == PublicHolidayCalendar.none)
        #expect(settings.sms.sendingWindow == nil)
        #expect(settings.sms.frequencyCap == FrequencyCap(messages: 2, windowHours: 12))
        #expect(settings.email.frequencyCap == FrequencyCap(messages: 1, windowHours: 16))
        #expect(settings.email.sendingWindow?.start.minutes == 570)
        #expect(settings.email.sendingWindow?.days == SendingWindow.frenchMessaging.days)
        #expect(settings.whatsapp == .whatsappDefault)
    }

    @Test func roundTrips() throws {
        var settings = SmartSendingSettings(timeZone: "America/Montreal", publicHolidays: .franceAlsaceMoselle)
        settings.email.sendingWindow = SendingWindow(
            start: .init(hour: 7, minute: 5), end: .init(hour: 24, minute: 0), days: [.sunday, .monday], skipPublicHolidays: false
        )
        settings.whatsapp.frequencyCap = nil
        let data = try JSONEncoder().encode(settings)
        #expect(try JSONDecoder().decode(SmartSendingSettings.self, from: data) == settings)
    }

    @Test(arguments: [
        (#"{"time_zone": "Paris"}"#, "invalid_time_zone", "time_zone"),
        (#"{"maximum_deferral_hours": -1}"#, "invalid_maximum_deferral", "maximum_deferral_hours"),
        (#"{"sms": {"sending_window": {"start": "20:00", "end": "08:00"}}}"#, "invalid_sending_window", "sms.sending_window.end"),
        (#"{"whatsapp": {"sending_window": {"days": []}}}"#, "invalid_sending_window", "whatsapp.sending_window.days"),
        (#"{"email": {"frequency_cap": {"messages": 0, "window_hours": 16}}}"#, "invalid_frequency_cap", "email.frequency_cap.messages"),
        (#"{"email": {"frequency_cap": {"window_hours": 0}}}"#, "invalid_frequency_cap", "email.frequency_cap.window_hours"),
    ])
    func invalidSettingsNameTheField(json: String, code: String, field: String) {
        #expect {
            _ = try Self.decode(json)
        } throws: { error in
            guard let error = error as? SmartSendingSettingsError else { return false }
            return error.code == code && error.field == field && !error.message.isEmpty
        }
    }

    @Test(arguments: ["25:00", "8", "08:60", "24:30", "ab:cd", "-1:00", "08:5"])
    func malformedTimesOfDayAreRefused(text: String) {
        #expect(SendingWindow.TimeOfDay(text) == nil)
        #expect(throws: DecodingError.self) {
            _ = try Self.decode(#"{"sms": {"sending_window": {"start": "\#(text)"}}}"#)
        }
    }

    @Test func policyRefusesInvalidSettingsMadeInCode() {
        var settings = SmartSendingSettings()
        settings.sms.frequencyCap = FrequencyCap(messages: 1, windowHours: .nan)
        #expect(throws: SmartSendingSettingsError.self) { _ = try SmartSendingPolicy(settings: settings) }
    }
}

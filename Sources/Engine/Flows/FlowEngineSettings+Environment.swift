import AutopilotCore
import Channels
import Foundation
import Storage

extension FlowEngineSettings {
    /// The settings a worker (`autopilot serve`, `autopilot worker`) reads from its environment; unset variables keep
    /// the defaults. AUTOPILOT_PUBLIC_URL (links Autopilot serves), AUTOPILOT_SHOP_NAME, AUTOPILOT_SHOP_URL,
    /// AUTOPILOT_SHOP_SIGNATURE (what templates call `shop.*`), AUTOPILOT_CART_ABANDONMENT_MINUTES,
    /// AUTOPILOT_WORKER_LEASE_SECONDS (how long a claimed message stays with a worker that may have died),
    /// SLACK_WEBHOOK_URL (team notifications; the log when unset), AUTOPILOT_TRACKING_SECRET (signs tracking and
    /// unsubscribe links; at least 32 characters), AUTOPILOT_NIGHTLY_SCORING_HOUR (0–23, default 3; `off` leaves the
    /// nightly scoring to cron), AUTOPILOT_DELEGATION_INTERVAL_MINUTES (default 15).
    public static func fromEnvironment(_ environment: [String: String]) throws -> FlowEngineSettings {
        var settings = FlowEngineSettings()
        settings.nightlyScoringHour = 3
        if let value = environment["AUTOPILOT_NIGHTLY_SCORING_HOUR"], !value.isEmpty {
            if value.lowercased() == "off" {
                settings.nightlyScoringHour = nil
            } else {
                guard let hour = Int(value), (0...23).contains(hour) else {
                    throw ConfigurationError(variable: "AUTOPILOT_NIGHTLY_SCORING_HOUR", reason: "\"\(value)\" is not an hour from 0 to 23, or off")
                }
                settings.nightlyScoringHour = hour
            }
        }
        if let value = environment["AUTOPILOT_DELEGATION_INTERVAL_MINUTES"] {
            guard let minutes = Double(value), minutes.isFinite, minutes >= 1, minutes <= 1_440 else {
                throw ConfigurationError(
                    variable: "AUTOPILOT_DELEGATION_INTERVAL_MINUTES", reason: "\"\(value)\" is not a number of minutes between 1 and 1440")
            }
            settings.delegationInterval = minutes * 60
        }
        if let value = environment["AUTOPILOT_SEGMENT_SWEEP_MINUTES"] {
            guard let minutes = Double(value), minutes.isFinite, minutes >= 1, minutes <= 10_080 else {
                throw ConfigurationError(
                    variable: "AUTOPILOT_SEGMENT_SWEEP_MINUTES", reason: "\"\(value)\" is not a number of minutes between 1 and 10080")
            }
            settings.segmentSweepInterval = minutes * 60
        }
        if let value = environment["AUTOPILOT_PUBLIC_URL"], !value.isEmpty {
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw ConfigurationError(variable: "AUTOPILOT_PUBLIC_URL", reason: "\"\(value)\" must start with http:// or https://")
            }
            settings.publicURL = value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        if let value = environment["AUTOPILOT_SHOP_URL"], !value.isEmpty {
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw ConfigurationError(variable: "AUTOPILOT_SHOP_URL", reason: "\"\(value)\" must start with http:// or https://")
            }
            settings.shopURL = value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        if let value = environment["AUTOPILOT_TRACKING_SECRET"], !value.isEmpty {
            guard value.utf8.count >= 32 else {
                throw ConfigurationError(variable: "AUTOPILOT_TRACKING_SECRET", reason: "it must be at least 32 characters long")
            }
            settings.trackingSecret = value
        }
        if let value = environment["AUTOPILOT_SHOP_NAME"], !value.isEmpty { settings.shopName = value }
        if let value = environment["AUTOPILOT_SHOP_SIGNATURE"], !value.isEmpty { settings.shopSignature = value }
        if let value = environment["AUTOPILOT_CART_ABANDONMENT_MINUTES"] {
            guard let minutes = Double(value), minutes.isFinite, minutes >= 1, minutes <= 10_080 else {
                throw ConfigurationError(
                    variable: "AUTOPILOT_CART_ABANDONMENT_MINUTES", reason: "\"\(value)\" is not a number of minutes between 1 and 10080")
            }
            settings.cartAbandonmentDelay = minutes * 60
        }
        if let value = environment["AUTOPILOT_WORKER_LEASE_SECONDS"] {
            guard let seconds = Double(value), seconds.isFinite, seconds >= 1, seconds <= 86_400 else {
                throw ConfigurationError(
                    variable: "AUTOPILOT_WORKER_LEASE_SECONDS", reason: "\"\(value)\" is not a number of seconds between 1 and 86400")
            }
            settings.lease = seconds
        }
        if let value = environment["SLACK_WEBHOOK_URL"], !value.isEmpty {
            guard let slack = SlackWebhook(url: value) else {
                throw ConfigurationError(variable: "SLACK_WEBHOOK_URL", reason: "\"\(value)\" is not an http(s) URL")
            }
            settings.slack = slack
        }
        settings.dropshipping = try DropshippingSettings.fromEnvironment(environment)
        settings.shopCoupons = try ShopCouponDirectory.fromEnvironment(environment)
        settings.settingsCipher = try SettingsCipher.fromEnvironment(environment)
        return settings
    }
}

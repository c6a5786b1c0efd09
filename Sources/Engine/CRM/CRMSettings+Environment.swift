import AutopilotCore
import Foundation
import Integrations

extension CRMSettings {
    /// Reads HUBSPOT_* and PIPEDRIVE_* (see docs/crm.md and docs/configuration.md) and AUTOPILOT_CRM_TENANTS. Empty when no
    /// CRM token is set.
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> CRMSettings {
        func value(_ name: String) -> String? {
            environment[name].map { $0.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func url(_ name: String, _ text: String) throws(ConfigurationError) -> String {
            guard let parsed = URL(string: text), let scheme = parsed.scheme, ["http", "https"].contains(scheme), parsed.host != nil else {
                throw ConfigurationError(variable: name, reason: "\"\(text)\" is not an http(s) URL")
            }
            return text
        }
        var settings = CRMSettings()
        if let token = value("HUBSPOT_ACCESS_TOKEN") ?? value("HUBSPOT_API_KEY") {
            var hubspot = HubSpotSettings(
                accessToken: token, baseURL: try url("HUBSPOT_BASE_URL", value("HUBSPOT_BASE_URL") ?? "https://api.hubapi.com"))
            hubspot.scoreProperty = value("HUBSPOT_SCORE_PROPERTY") ?? hubspot.scoreProperty
            hubspot.tierProperty = value("HUBSPOT_TIER_PROPERTY") ?? hubspot.tierProperty
            hubspot.dealKeyProperty = value("HUBSPOT_DEAL_KEY_PROPERTY") ?? hubspot.dealKeyProperty
            hubspot.pipeline = value("HUBSPOT_PIPELINE") ?? hubspot.pipeline
            hubspot.leadStage = value("HUBSPOT_LEAD_STAGE") ?? hubspot.leadStage
            hubspot.wonStage = value("HUBSPOT_WON_STAGE") ?? hubspot.wonStage
            settings.hubspot = hubspot
        }
        if let token = value("PIPEDRIVE_API_TOKEN") {
            let base: String
            if let explicit = value("PIPEDRIVE_BASE_URL") {
                base = try url("PIPEDRIVE_BASE_URL", explicit)
            } else if let company = value("PIPEDRIVE_COMPANY_DOMAIN") {
                guard company.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                    throw ConfigurationError(
                        variable: "PIPEDRIVE_COMPANY_DOMAIN", reason: "\"\(company)\" is not a company domain (letters, digits, -)")
                }
                base = "https://\(company).pipedrive.com/api/v1"
            } else {
                base = "https://api.pipedrive.com/api/v1"
            }
            settings.pipedrive = PipedriveSettings(
                apiToken: token, baseURL: base, personScoreField: value("PIPEDRIVE_PERSON_SCORE_FIELD"),
                personTierField: value("PIPEDRIVE_PERSON_TIER_FIELD"), dealScoreField: value("PIPEDRIVE_DEAL_SCORE_FIELD"),
                dealTierField: value("PIPEDRIVE_DEAL_TIER_FIELD"))
        }
        if let tenants = value("AUTOPILOT_CRM_TENANTS") {
            let list = Set(tenants.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
            guard !list.isEmpty else { throw ConfigurationError(variable: "AUTOPILOT_CRM_TENANTS", reason: "names no tenant") }
            settings.tenants = list
        }
        return settings
    }
}

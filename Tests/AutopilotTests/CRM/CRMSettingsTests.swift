import AutopilotCore
import Engine
import Foundation
import Integrations
import Testing

/// CRM configuration from the environment: off by default, tokens switch CRMs on, bad values are named.
@Suite("CRM settings")
struct CRMSettingsTests {
    @Test func noTokenMeansNoCRM() throws {
        #expect(try CRMSettings.fromEnvironment([:]).isEmpty)
        #expect(try CRMSettings.fromEnvironment(["HUBSPOT_ACCESS_TOKEN": " "]).isEmpty)
    }

    @Test func tokensSwitchCRMsOnWithTheDocumentedDefaults() throws {
        let settings = try CRMSettings.fromEnvironment([
            "HUBSPOT_ACCESS_TOKEN": "pat-1", "PIPEDRIVE_API_TOKEN": "pd-1", "PIPEDRIVE_COMPANY_DOMAIN": "acme", "PIPEDRIVE_DEAL_SCORE_FIELD": "abc",
            "AUTOPILOT_CRM_TENANTS": "tn_1, tn_2",
        ])
        #expect(settings.providers == [.hubspot, .pipedrive])
        #expect(settings.hubspot?.baseURL == "https://api.hubapi.com" && settings.hubspot?.scoreProperty == "autopilot_lead_score")
        #expect(settings.hubspot?.dealKeyProperty == "autopilot_deal_key" && settings.hubspot?.wonStage == "closedwon")
        #expect(settings.pipedrive?.baseURL == "https://acme.pipedrive.com/api/v1" && settings.pipedrive?.dealScoreField == "abc")
        #expect(settings.tenants == ["tn_1", "tn_2"])
        #expect(settings.burst == 190 && settings.refill == 100 && settings.refillInterval == 10 && settings.batchSize == 100)
        #expect(settings.retry == CRMRetryPolicy(maxAttempts: 5, baseDelay: 1, maxDelay: 30, jitter: 0.5))
        #expect(try CRMSettings.fromEnvironment(["HUBSPOT_API_KEY": "legacy"]).hubspot?.accessToken == "legacy")
    }

    @Test(arguments: [
        (["HUBSPOT_ACCESS_TOKEN": "t", "HUBSPOT_BASE_URL": "ftp://x"], "HUBSPOT_BASE_URL"),
        (["PIPEDRIVE_API_TOKEN": "t", "PIPEDRIVE_BASE_URL": "not a url"], "PIPEDRIVE_BASE_URL"),
        (["PIPEDRIVE_API_TOKEN": "t", "PIPEDRIVE_COMPANY_DOMAIN": "acme.evil/x"], "PIPEDRIVE_COMPANY_DOMAIN"),
        (["HUBSPOT_ACCESS_TOKEN": "t", "AUTOPILOT_CRM_TENANTS": " , "], "AUTOPILOT_CRM_TENANTS"),
    ])
    func badValuesAreNamed(environment: [String: String], variable: String) {
        #expect(throws: ConfigurationError.self) { try CRMSettings.fromEnvironment(environment) }
        do {
            _ = try CRMSettings.fromEnvironment(environment)
        } catch {
            #expect(error.variable == variable)
        }
    }
}

import AutopilotCore
import Engine
import Foundation
import Hummingbird

/// `GET /health`, `GET /metrics` and `GET /openapi.yaml`: no authentication.
struct SystemRoutes {
    let dependencies: Dependencies
    let databaseName: String
    let metrics: ServerMetrics?
    let integrations: IntegrationInventory
    var crm = CRMSettings()

    func register(on router: Router<AppRequestContext>) {
        router.get("health") { _, _ in
            let report = await HealthReport.check(
                store: dependencies.store, databaseName: databaseName, inventory: integrations, crm: crm, now: dependencies.clock.now())
            return try JSONResponse.make(report, status: report.isHealthy ? .ok : .serviceUnavailable)
        }
        if let metrics {
            router.get("metrics") { _, _ in
                JSONResponse.raw(metrics.exposition(), status: .ok, contentType: "text/plain; version=0.0.4; charset=utf-8")
            }
        }
        router.get("openapi.yaml") { _, _ in
            JSONResponse.raw(Array(OpenAPIDocument.text.utf8), status: .ok, contentType: "application/yaml; charset=utf-8")
        }
    }
}

/// The OpenAPI document shipped with the server (Sources/Server/Resources/openapi.yaml).
public enum OpenAPIDocument {
    public static let text: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"), let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            return "openapi: 3.1.0\ninfo: {title: Autopilot, version: unknown}\npaths: {}\n"
        }
        return text
    }()
}

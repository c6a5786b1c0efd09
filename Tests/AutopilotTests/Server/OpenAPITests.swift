import Engine
import Foundation
import HTTPTypes
import Hummingbird
import Server
import Storage
import Testing

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test func describesEveryRoute() async throws {
        let store = SQLStore(database: try SQLiteDatabase(path: ":memory:"))
        // The dashboard's pages are HTML for people, not API: the document describes the API.
        var configuration = ServerConfiguration()
        configuration.dashboardEnabled = false
        let router = buildRouter(configuration: configuration, dependencies: Dependencies(store: store), databaseName: "memory", metrics: ServerMetrics())
        let document = OpenAPIDocument.text
        #expect(document.hasPrefix("openapi: 3.1"))
        let routes = router.routes.map { route -> (String, String) in
            let path =
                "/"
                + route.path.description.split(separator: "/").map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }.joined(separator: "/")
            return (path, route.method.rawValue.lowercased())
        }
        #expect(routes.count >= 8)
        for (path, method) in routes {
            let pathBlock = document.components(separatedBy: "\n  \(path):\n").dropFirst().first
            #expect(pathBlock != nil, "\(path) is missing from openapi.yaml")
            let operations = "\n" + (pathBlock?.components(separatedBy: "\n  /").first ?? "")
            #expect(operations.contains("\n    \(method):"), "\(method.uppercased()) \(path) is missing from openapi.yaml")
        }
    }
}

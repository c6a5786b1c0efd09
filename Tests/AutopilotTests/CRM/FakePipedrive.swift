import AutopilotCore
import Foundation
import Synchronization

/// Pipedrive's v1 persons and deals endpoints as documented, in memory: exact-email person search, create and update of
/// persons and deals, answers wrapped in `{"success": true, "data": …}`; the API token in the `x-api-token` header.
final class FakePipedrive: Sendable {
    struct State: Sendable {
        var persons: [Int: JSONObject] = [:]
        var deals: [Int: JSONObject] = [:]
        var requests: [CRMTestRequest] = []
        var nextID = 1
    }

    let token: String
    let interrupt: @Sendable (_ index: Int, _ request: CRMTestRequest) -> CRMTestResponse?
    private let state = Mutex(State())

    init(token: String = "pd-test", interrupt: @escaping @Sendable (Int, CRMTestRequest) -> CRMTestResponse? = { _, _ in nil }) {
        self.token = token
        self.interrupt = interrupt
    }

    var snapshot: State { state.withLock { $0 } }

    /// Someone deletes every person and deal in the CRM.
    func deleteEverything() {
        state.withLock { state in
            state.persons = [:]
            state.deals = [:]
        }
    }

    func respond(_ request: CRMTestRequest) -> CRMTestResponse {
        let index = state.withLock { state in
            state.requests.append(request)
            return state.requests.count - 1
        }
        if let answer = interrupt(index, request) { return answer }
        guard request.apiToken == token else { return Self.error(401, "You need to be authorized to make this request.") }
        let parts = request.path.split(separator: "/").map(String.init)
        return state.withLock { state -> CRMTestResponse in
            switch (request.method, parts) {
            case ("GET", ["v1", "persons", "search"]):
                guard let term = request.query["term"], request.query["fields"] == "email", request.query["exact_match"] == "true" else {
                    return Self.error(400, "term, fields=email and exact_match are expected")
                }
                let found = state.persons.sorted { $0.key < $1.key }.filter { _, person in
                    (person["email"]?.arrayValue ?? []).contains { $0["value"]?.stringValue?.lowercased() == term.lowercased() }
                }
                let items: [JSONValue] = found.map { id, person in
                    ["result_score": 1, "item": ["id": .int(Int64(id)), "name": person["name"] ?? .null]]
                }
                return Self.ok(["items": .array(items)])
            case ("POST", ["v1", "persons"]), ("POST", ["v1", "deals"]):
                guard let body = request.body?.objectValue else { return Self.error(400, "Bad request") }
                if parts[1] == "deals", body["person_id"]?.intValue.flatMap({ state.persons[Int($0)] }) == nil {
                    return Self.error(400, "Person not found")
                }
                let id = state.nextID
                state.nextID += 1
                if parts[1] == "persons" { state.persons[id] = body } else { state.deals[id] = body }
                return Self.created(id)
            case ("PUT", let path) where path.count == 3 && ["persons", "deals"].contains(path[1]):
                guard let id = Int(path[2]), let body = request.body?.objectValue else { return Self.error(400, "Bad request") }
                let table: WritableKeyPath<State, [Int: JSONObject]> = path[1] == "persons" ? \.persons : \.deals
                guard var record = state[keyPath: table][id] else { return Self.error(404, "Not found") }
                for (key, value) in body { record[key] = value }
                state[keyPath: table][id] = record
                return Self.created(id)
            default:
                return Self.error(404, "Unknown method \(request.method) \(request.path)")
            }
        }
    }

    static func ok(_ data: JSONValue) -> CRMTestResponse { CRMTestResponse(status: 200, body: ["success": true, "data": data]) }
    static func created(_ id: Int) -> CRMTestResponse { CRMTestResponse(status: 201, body: ["success": true, "data": ["id": .int(Int64(id))]]) }
    static func error(_ status: Int, _ message: String) -> CRMTestResponse {
        CRMTestResponse(status: status, body: ["success": false, "error": .string(message)])
    }
}

import AutopilotCore
import Foundation
import Synchronization

/// HubSpot's CRM batch APIs as documented, in memory: contacts upserted by email, deals by a unique property, deal → contact
/// associations; at most 100 inputs per call; a private-app bearer token. `interrupt` answers chosen requests otherwise
/// (a 429 with Retry-After, a 500…).
final class FakeHubSpot: Sendable {
    struct Record: Sendable, Equatable {
        var id: String
        var properties: [String: String]
    }

    struct State: Sendable {
        var contacts: [String: Record] = [:]
        var deals: [String: Record] = [:]
        var associations: Set<String> = []
        var requests: [CRMTestRequest] = []
        var nextID = 1000
    }

    let token: String
    let interrupt: @Sendable (_ index: Int, _ request: CRMTestRequest) -> CRMTestResponse?
    private let state = Mutex(State())

    init(token: String = "pat-test", interrupt: @escaping @Sendable (Int, CRMTestRequest) -> CRMTestResponse? = { _, _ in nil }) {
        self.token = token
        self.interrupt = interrupt
    }

    var snapshot: State { state.withLock { $0 } }

    func respond(_ request: CRMTestRequest) -> CRMTestResponse {
        let index = state.withLock { state in
            state.requests.append(request)
            return state.requests.count - 1
        }
        if let answer = interrupt(index, request) { return answer }
        guard request.authorization == "Bearer \(token)" else {
            return CRMTestResponse(status: 401, body: ["message": "Authentication credentials not found"])
        }
        guard request.method == "POST", let inputs = request.body?["inputs"]?.arrayValue else {
            return CRMTestResponse(status: 400, body: ["status": "error", "message": "Invalid input JSON"])
        }
        guard inputs.count <= 100 else { return CRMTestResponse(status: 400, body: ["status": "error", "message": "Batch input limit is 100"]) }
        switch request.path {
        case "/crm/v3/objects/contacts/batch/upsert": return upsert(inputs, idProperty: "email", into: \.contacts)
        case "/crm/v3/objects/deals/batch/upsert": return upsert(inputs, idProperty: "autopilot_deal_key", into: \.deals)
        case "/crm/v4/associations/deals/contacts/batch/associate/default": return associate(inputs)
        default: return CRMTestResponse(status: 404, body: ["status": "error", "message": .string("Unknown path \(request.path)")])
        }
    }

    private func upsert(_ inputs: [JSONValue], idProperty: String, into table: WritableKeyPath<State, [String: Record]>) -> CRMTestResponse {
        var keys = Set<String>()
        for input in inputs {
            guard input["idProperty"]?.stringValue == idProperty, let key = input["id"]?.stringValue,
                keys.insert(Self.normal(key, idProperty)).inserted
            else {
                return CRMTestResponse(status: 400, body: ["status": "error", "message": "Duplicate or missing ids in batch input"])
            }
        }
        let results: [JSONValue] = state.withLock { state in
            inputs.map { input in
                let key = Self.normal(input["id"]?.stringValue ?? "", idProperty)
                var record = state[keyPath: table][key] ?? Record(id: String(state.nextID), properties: [:])
                if state[keyPath: table][key] == nil { state.nextID += 1 }
                for (name, value) in input["properties"]?.objectValue ?? [:] { record.properties[name] = value.stringValue ?? value.jsonString }
                record.properties[idProperty] = key
                state[keyPath: table][key] = record
                var properties = JSONObject()
                for (name, value) in record.properties.sorted(by: { $0.key < $1.key }) { properties[name] = .string(value) }
                return ["id": .string(record.id), "properties": .object(properties)]
            }
        }
        return CRMTestResponse(status: 200, body: ["status": "COMPLETE", "results": .array(results)])
    }

    /// Emails are matched whatever their case; other unique values exactly.
    static func normal(_ key: String, _ idProperty: String) -> String { idProperty == "email" ? key.lowercased() : key }

    private func associate(_ inputs: [JSONValue]) -> CRMTestResponse {
        state.withLock { state in
            let deals = Set(state.deals.values.map(\.id))
            let contacts = Set(state.contacts.values.map(\.id))
            var errors: [JSONValue] = []
            for input in inputs {
                guard let from = input["from"]?["id"]?.stringValue, let to = input["to"]?["id"]?.stringValue, deals.contains(from),
                    contacts.contains(to)
                else {
                    errors.append(["status": "error", "category": "OBJECT_NOT_FOUND", "message": "No such object"])
                    continue
                }
                state.associations.insert("\(from)->\(to)")
            }
            return CRMTestResponse(status: errors.isEmpty ? 200 : 207, body: ["status": "COMPLETE", "results": [], "errors": .array(errors)])
        }
    }
}

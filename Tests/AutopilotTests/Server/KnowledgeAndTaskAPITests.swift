import AutopilotCore
import Engine
import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Server
import Storage
import Testing

@Suite("HTTP API — knowledge base, team tasks, callbacks, payment links")
struct KnowledgeAndTaskAPITests {
    @Test func knowledgeDocumentsBelongToOneTenant() async throws {
        let harness = try await APITestHarness.make()
        let (first, second) = (APITestHarness.auth(harness.firstKey), APITestHarness.auth(harness.secondKey))
        try await harness.app.test(.router) { client in
            let document: JSONValue = [
                "title": "Livraison", "body": "Nous livrons en 48 heures partout en France.", "kind": "faq", "key": "shipping",
            ]
            let created = try await client.execute(uri: "/v1/knowledge/documents", method: .post, headers: first, body: APITestHarness.body(document))
            #expect(created.status == .created)
            let id = try #require(try APITestHarness.json(created)["document"]?["id"]?.stringValue)
            let again = try await client.execute(uri: "/v1/knowledge/documents", method: .post, headers: first, body: APITestHarness.body(document))
            #expect(try again.status == .ok && APITestHarness.json(again)["outcome"] == "unchanged")

            let found = try APITestHarness.json(try await client.execute(uri: "/v1/knowledge/search?q=livraison", method: .get, headers: first))
            #expect(found["results"]?[0]?["title"] == "Livraison" && found["results"]?[0]?["document_id"]?.stringValue == id)
            let foreignSearch = try APITestHarness.json(try await client.execute(uri: "/v1/knowledge/search?q=livraison", method: .get, headers: second))
            #expect(foreignSearch["results"]?.arrayValue?.isEmpty == true)
            #expect(try await client.execute(uri: "/v1/knowledge/documents/\(id)", method: .get, headers: second).status == .notFound)
            #expect(try await client.execute(uri: "/v1/knowledge/documents/\(id)", method: .delete, headers: second).status == .notFound)
            let list = try APITestHarness.json(try await client.execute(uri: "/v1/knowledge/documents", method: .get, headers: second))
            #expect(list["documents"]?.arrayValue?.isEmpty == true)
            #expect(try APITestHarness.json(try await client.execute(uri: "/v1/knowledge/documents/\(id)", method: .get, headers: first))["body"] != nil)
            #expect(try await client.execute(uri: "/v1/knowledge/documents/\(id)", method: .delete, headers: first).status == .noContent)

            let noTitle = try await client.execute(
                uri: "/v1/knowledge/documents", method: .post, headers: first, body: APITestHarness.body(["body": "text"]))
            #expect(try noTitle.status == .unprocessableContent && APITestHarness.json(noTitle)["error"]?["field"] == "title")
            let badKind = try await client.execute(
                uri: "/v1/knowledge/documents", method: .post, headers: first, body: APITestHarness.body(["title": "t", "body": "b", "kind": "memo"]))
            #expect(try APITestHarness.json(badKind)["error"]?["field"] == "kind")
            let noQuery = try await client.execute(uri: "/v1/knowledge/search", method: .get, headers: first)
            #expect(try noQuery.status == .badRequest && APITestHarness.json(noQuery)["error"]?["field"] == "q")
            let badLimit = try await client.execute(uri: "/v1/knowledge/search?q=x&limit=99", method: .get, headers: first)
            #expect(try badLimit.status == .badRequest && APITestHarness.json(badLimit)["error"]?["field"] == "limit")
            let notJSON = try await client.execute(
                uri: "/v1/knowledge/documents", method: .post, headers: first, body: ByteBuffer(string: "{title"))
            #expect(notJSON.status == .badRequest)
            #expect(try await client.execute(uri: "/v1/knowledge/documents", method: .get).status == .unauthorized)
        }
    }

    @Test func teamTasksAndCallbacksBelongToOneTenant() async throws {
        let harness = try await APITestHarness.make()
        let (first, second) = (APITestHarness.auth(harness.firstKey), APITestHarness.auth(harness.secondKey))
        try await harness.app.test(.router) { client in
            let ticket: JSONValue = [
                "kind": "support_ticket", "subject": "Parcel damaged", "contact": ["email": "oliver@example.com", "name": "Oliver"],
                "idempotency_key": "t-1",
            ]
            let created = try await client.execute(uri: "/v1/team-tasks", method: .post, headers: first, body: APITestHarness.body(ticket))
            #expect(created.status == .created)
            let task = try APITestHarness.json(created)
            #expect(task["team_notice"] == true && task["task"]?["created_by"] == "api")
            let id = try #require(task["task"]?["id"]?.stringValue)
            let replay = try await client.execute(uri: "/v1/team-tasks", method: .post, headers: first, body: APITestHarness.body(ticket))
            #expect(try replay.status == .ok && APITestHarness.json(replay)["task"]?["id"]?.stringValue == id)

            #expect(try await client.execute(uri: "/v1/team-tasks/\(id)", method: .get, headers: second).status == .notFound)
            let patchForeign = try await client.execute(
                uri: "/v1/team-tasks/\(id)", method: .patch, headers: second, body: APITestHarness.body(["status": "done"]))
            #expect(patchForeign.status == .notFound)
            #expect(try APITestHarness.json(try await client.execute(uri: "/v1/team-tasks", method: .get, headers: second))["tasks"]?.arrayValue?.isEmpty == true)
            let closed = try await client.execute(
                uri: "/v1/team-tasks/\(id)", method: .patch, headers: first, body: APITestHarness.body(["status": "done"]))
            #expect(try APITestHarness.json(closed)["status"] == "done")
            let open = try APITestHarness.json(try await client.execute(uri: "/v1/team-tasks?status=open", method: .get, headers: first))
            #expect(open["tasks"]?.arrayValue?.isEmpty == true)

            for (body, field) in [
                (["kind": "todo", "subject": "x"] as JSONValue, "kind"), (["kind": "hand_off", "subject": ""], "subject"),
                (["kind": "support_ticket", "subject": "x", "contact": ["phone": "0612"]], "contact.phone"),
                (["kind": "callback", "subject": "x"], "kind"), (["kind": "hand_off", "subject": "x", "due_at": "tomorrow"], "due_at"),
            ] {
                let refused = try await client.execute(uri: "/v1/team-tasks", method: .post, headers: first, body: APITestHarness.body(body))
                #expect(try refused.status == .unprocessableContent && APITestHarness.json(refused)["error"]?["field"]?.stringValue == field, "\(field)")
            }
            let badStatus = try await client.execute(uri: "/v1/team-tasks?status=later", method: .get, headers: first)
            #expect(try badStatus.status == .badRequest && APITestHarness.json(badStatus)["error"]?["field"] == "status")

            // Callbacks: the slots, a booking, a conflict.
            let slots = try APITestHarness.json(try await client.execute(uri: "/v1/callbacks/slots?count=2", method: .get, headers: first))
            #expect(slots["time_zone"] == "UTC" && slots["slots"]?.arrayValue?.count == 2)
            let start = try #require(slots["slots"]?[0]?["start"]?.stringValue)
            let booking: JSONValue = ["contact": ["phone": "+33612345678", "name": "Camille"], "slot": .string(start), "language": "fr"]
            let booked = try await client.execute(uri: "/v1/callbacks", method: .post, headers: first, body: APITestHarness.body(booking))
            #expect(try booked.status == .created && APITestHarness.json(booked)["confirmation"]?["channel"] == "sms")
            let conflict = try await client.execute(uri: "/v1/callbacks", method: .post, headers: first, body: APITestHarness.body(booking))
            #expect(try conflict.status == .conflict && APITestHarness.json(conflict)["error"]?["code"] == "slot_taken")
            let elsewhere = try await client.execute(uri: "/v1/callbacks", method: .post, headers: second, body: APITestHarness.body(booking))
            #expect(elsewhere.status == .created, "another tenant's calendar is its own")
            let noSlot = try await client.execute(
                uri: "/v1/callbacks", method: .post, headers: first, body: APITestHarness.body(["contact": ["phone": "+33612345678"]]))
            #expect(try APITestHarness.json(noSlot)["error"]?["field"] == "slot")

            let hours = try await client.execute(
                uri: "/v1/business-hours", method: .put, headers: first, body: APITestHarness.body(["hours": "lun-ven 8h-12h"]))
            #expect(try APITestHarness.json(hours)["hours"] == "mon-fri 08:00-12:00")
            let badHours = try await client.execute(
                uri: "/v1/business-hours", method: .put, headers: first, body: APITestHarness.body(["hours": "whenever"]))
            #expect(try APITestHarness.json(badHours)["error"]?["field"] == "business_hours")
            #expect(try APITestHarness.json(try await client.execute(uri: "/v1/business-hours", method: .get, headers: second))["hours"] == "mon-fri 09:00-18:00")

            let noStripe = try await client.execute(
                uri: "/v1/payment-links", method: .post, headers: first,
                body: APITestHarness.body(["amount": 10, "currency": "EUR", "description": "Deposit"]))
            #expect(try noStripe.status == .conflict && APITestHarness.json(noStripe)["error"]?["code"] == "payment_links_unavailable")
            let badAmount = try await client.execute(
                uri: "/v1/payment-links", method: .post, headers: first, body: APITestHarness.body(["amount": "ten", "currency": "EUR", "description": "x"]))
            #expect(try APITestHarness.json(badAmount)["error"]?["field"] == "amount")
        }
    }
}

import AutopilotCore
import Flows
import Foundation
import Storage

/// Routes events to flows, purely: each event first reaches the running runs of its contact (exit conditions, `wait_for`),
/// then starts runs of the live flows it triggers, subject to each flow's re-entry rule. Events are taken in order.
struct FlowRouter {
    let catalog: FlowCatalog
    let now: Date

    func route(_ batch: FlowRoutingBatch) -> FlowChanges {
        var writer = FlowRunChanges(tenantID: catalog.tenantID, now: now)
        var runs: [String: FlowRun] = [:]
        var startedAt: [String: Date] = [:]
        var byContact: [String: [String]] = [:]
        var history: [String: [(flowID: String, objectID: String?, startedAt: Date)]] = [:]
        for record in batch.runs {
            history[record.contactID, default: []].append((record.flowID, record.triggerObjectID, record.startedAt))
            guard !record.isFinished, let run = FlowRunChanges.run(record) else { continue }
            runs[record.id] = run
            startedAt[record.id] = record.startedAt
            byContact[record.contactID, default: []].append(record.id)
        }
        let live = catalog.live.filter { $0.trigger.eventType != nil }
        let referrals = catalog.entries["referral"]?.enabled == true ? ReferralConversion(tenantID: catalog.tenantID, now: now) : nil
        var referred = batch.referredContacts
        for (_, event) in batch.events {
            referrals?.convert(event, batch: batch, referred: &referred, into: &writer.changes)
            let flowEvent = FlowEvent(id: event.id, type: event.type.rawValue, occurredAt: event.occurredAt, properties: event.properties)
            let audience = audience(of: event, batch: batch)
            // Running runs see the event first, so an order placed for a cart ends that cart's run before anything else.
            for contactID in audience {
                for runID in byContact[contactID] ?? [] {
                    guard let run = runs[runID], !run.status.isFinished,
                        let definition = catalog.definition(id: run.flowID, version: run.flowVersion)
                    else { continue }
                    let (next, effects) = FlowInterpreter.step(definition: definition, run: run, input: .event(flowEvent), now: now)
                    guard next != run || !effects.isEmpty else { continue }
                    runs[runID] = next
                    writer.record(next, effects: effects, startedAt: startedAt[runID] ?? now)
                }
            }
            for definition in live where definition.trigger.eventType == event.type.rawValue {
                for contactID in audience {
                    guard let contact = batch.contacts[contactID] else { continue }
                    let contactValues = FlowEntities.contact(contact)
                    let entities = entities(for: event, batch: batch)
                    let settings = catalog.settings(of: definition.id)
                    guard definition.isTriggered(by: flowEvent, contact: contactValues, entities: entities, settings: settings) else { continue }
                    let start = FlowStart(
                        occurredAt: event.occurredAt, trigger: event.properties, contact: contactValues, entities: entities, settings: settings,
                        tenantTimeZone: catalog.timeZone, experiment: catalog.experimentInput(for: definition.id))
                    let objectID = definition.triggerObjectID(for: start)
                    let previous = (history[contactID] ?? []).filter { $0.flowID == definition.id }.map {
                        (objectID: $0.objectID, startedAt: $0.startedAt)
                    }
                    guard definition.reentry.allows(objectID: objectID, previousRuns: previous, now: event.occurredAt) else { continue }
                    let id = FlowRunID.make(flowID: definition.id, contactID: contactID, triggerKey: event.id)
                    guard runs[id] == nil else { continue }
                    let pending = FlowRun(id: id, flowID: definition.id, flowVersion: definition.version, contactID: contactID)
                    let (run, effects) = FlowInterpreter.step(definition: definition, run: pending, input: .start(start), now: now)
                    runs[id] = run
                    startedAt[id] = event.occurredAt
                    byContact[contactID, default: []].append(id)
                    history[contactID, default: []].append((definition.id, run.triggerObjectID, event.occurredAt))
                    writer.record(run, effects: effects, startedAt: event.occurredAt)
                }
            }
        }
        return writer.changes
    }

    /// Who an event concerns: its contact, or for product events the contacts who wish for the product.
    private func audience(of event: EventRecord, batch: FlowRoutingBatch) -> [String] {
        if let contactID = event.contactID { return [contactID] }
        if event.type == .productPriceChanged || event.type == .productUpdated, let sku = event.properties["sku"]?.stringValue {
            return batch.wishers[sku] ?? []
        }
        return []
    }

    /// The entity root a run started by this event reads (`cart`, `order`, `product`).
    private func entities(for event: EventRecord, batch: FlowRoutingBatch) -> JSONObject {
        guard let root = FlowVocabulary.entityRoot(forTrigger: event.type.rawValue) else { return [:] }
        switch root.name {
        case "cart":
            guard let id = event.properties["cart_id"]?.stringValue, let cart = batch.carts[id] else { return [:] }
            return ["cart": .object(FlowEntities.cart(cart, products: batch.products, reviews: batch.reviewStats))]
        case "order":
            guard let id = event.properties["order_id"]?.stringValue, let order = batch.orders[id] else { return [:] }
            return ["order": .object(FlowEntities.order(order, lines: batch.orderLines[id] ?? [], products: batch.products))]
        default:
            guard let sku = event.properties["sku"]?.stringValue, let product = batch.products[sku] else { return [:] }
            return [
                "product": .object(
                    FlowEntities.product(product, oldPrice: event.properties["old_price"]?.doubleValue, reviews: batch.reviewStats[sku]))
            ]
        }
    }
}

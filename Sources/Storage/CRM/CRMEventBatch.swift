import AutopilotCore
import Foundation

/// The next events a CRM's sync has not seen (only the types it syncs), with their contacts and those contacts' leads.
public struct CRMEventBatch: Sendable {
    public var tenantID: String
    public var events: [(seq: Int64, record: EventRecord)]
    public var contacts: [String: ContactRecord]
    /// Company names by the lead's external id.
    public var leadCompanies: [String: String]
    /// The latest lead's company by contact id.
    public var contactCompanies: [String: String]
    /// The latest lead's external id by contact id.
    public var contactLeads: [String: String] = [:]

    public init(
        tenantID: String, events: [(seq: Int64, record: EventRecord)], contacts: [String: ContactRecord], leadCompanies: [String: String] = [:],
        contactCompanies: [String: String] = [:]
    ) {
        self.tenantID = tenantID
        self.events = events
        self.contacts = contacts
        self.leadCompanies = leadCompanies
        self.contactCompanies = contactCompanies
    }
}

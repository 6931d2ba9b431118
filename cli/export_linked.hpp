// Exports in the vocabularies of other tools: Popolo JSON, JSON-LD (Popolo's terms, the W3C
// Organization Ontology and PROV) and the evidence as W3C Web Annotations. Each object is
// identified by the knowledge base's keys (never row numbers where the record or its owner
// has a key): "person/william-swing", "tenure/william-swing/iom-director-general",
// "meeting/som-11/attendance/william-swing/co-chair"; in JSON-LD and the annotations the same
// path after "urn:euiomkb:". A stored source is identified by its content, the RFC 6920 name
// ni:///sha-256;<base64url of its SHA-256>, as the offsets count code points of that text.
// Rows are written as they are read: memory does not grow with the database.
#pragma once

#include <iosfwd>
#include <string>

#include "euiomkb/knowledge_base.hpp"

namespace euiomkb::cli {

// Popolo JSON: persons, organizations, posts, memberships (tenures), events (meetings, with
// their attendees as person objects) keyed as above. Every object has `sources`, one Popolo
// link per citation: url (the source's URL with a text fragment when it has one, else its
// ni: name with an RFC 5147 "#char=start,end" fragment), note (the reference), and source
// (key), title, quotation, anchor, start/end (code points) and why (the citation's note).
// Membership start_date/end_date are null unless a document states them; attested_from and
// attested_to are the first and last dates documents show the person in post.
void export_popolo(const KnowledgeBase& kb, std::ostream& out);

// JSON-LD with an inline @context (no network): one @graph of sources, organisations
// (org:Organization), their renamings, splits, creations and mergers (org:ChangeEvent), people
// (person:Person), posts (org:Post), tenures (org:Membership) and meetings (schema:Event with
// their attendance). Each fact's citations are prov:wasDerivedFrom passages: the quotation
// (prov:value) prov:wasQuotedFrom its source, at an oa:TextPositionSelector. Dates are typed
// with their source's precision: xsd:gYear, xsd:gYearMonth or xsd:date.
void export_jsonld(const KnowledgeBase& kb, std::ostream& out);

// One W3C Web Annotation per citation, in an AnnotationCollection (JSON-LD, the standard
// http://www.w3.org/ns/anno.jsonld context): motivation "describing"; target the stored source
// (its ni: name) with a TextQuoteSelector (exact: the cited span as stored; prefix and suffix:
// up to 32 code points each side) and a TextPositionSelector (start/end in code points);
// body the fact it supports: its id, kind, key (when it has one) and a description.
void export_annotations(const KnowledgeBase& kb, std::ostream& out);

// The RFC 6920 name of a text whose SHA-256 is `sha256_hex` (64 lower-case hex digits):
// "ni:///sha-256;" + the digest in unpadded base64url.
std::string stored_copy_name(const std::string& sha256_hex);

}  // namespace euiomkb::cli

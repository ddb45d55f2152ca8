package compare

import "strings"

// Topic identifies a subject of the negotiation in the built-in taxonomy.
type Topic string

// The built-in taxonomy, modelled on the PA-X peace agreement codebook and
// sized for the Russia–Ukraine negotiations.
const (
	Ceasefire      Topic = "ceasefire"      // ceasefire and monitoring
	Territory      Topic = "territory"      // territory, borders, lines of contact
	Alliances      Topic = "alliances"      // neutrality and alliances (NATO, EU)
	ArmedForces    Topic = "armed-forces"   // armed forces limits, mobilisation
	ForeignTroops  Topic = "foreign-troops" // foreign troops and military aid
	Guarantees     Topic = "guarantees"     // security guarantees
	Nuclear        Topic = "nuclear"        // nuclear safety and weapons
	Humanitarian   Topic = "humanitarian"   // prisoners, children, civilians, bodies
	Sanctions      Topic = "sanctions"      // sanctions and economic relations
	Assets         Topic = "assets"         // assets, reparations and reconstruction
	Elections      Topic = "elections"      // elections and governance
	Rights         Topic = "rights"         // language, religion, culture and rights
	Amnesty        Topic = "amnesty"        // amnesty and justice
	Implementation Topic = "implementation" // sequencing and implementation
)

// Topics lists the taxonomy in display order.
var Topics = []Topic{Ceasefire, Territory, Alliances, ArmedForces, ForeignTroops, Guarantees,
	Nuclear, Humanitarian, Sanctions, Assets, Elections, Rights, Amnesty, Implementation}

// topicTitle returns the human name of a topic of the taxonomy.
func topicTitle(t Topic) (string, bool) {
	switch t {
	case Ceasefire:
		return "Ceasefire and monitoring", true
	case Territory:
		return "Territory", true
	case Alliances:
		return "Neutrality and alliances", true
	case ArmedForces:
		return "Armed forces limits", true
	case ForeignTroops:
		return "Foreign troops and military aid", true
	case Guarantees:
		return "Security guarantees", true
	case Nuclear:
		return "Nuclear safety and weapons", true
	case Humanitarian:
		return "Humanitarian", true
	case Sanctions:
		return "Sanctions and economic relations", true
	case Assets:
		return "Assets, reparations and reconstruction", true
	case Elections:
		return "Elections and governance", true
	case Rights:
		return "Language, religion, culture and rights", true
	case Amnesty:
		return "Amnesty and justice", true
	case Implementation:
		return "Sequencing and implementation", true
	}
	return "", false
}

// Title returns the topic's human name, or the identifier for an unknown topic.
func (t Topic) Title() string {
	if s, ok := topicTitle(t); ok {
		return s
	}
	return string(t)
}

// Short returns the topic's name in a word or two, for chips and narrow
// columns ("Armed forces").
func (t Topic) Short() string {
	if !t.Valid() {
		return string(t)
	}
	s := strings.ReplaceAll(string(t), "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// Valid reports whether t is in the built-in taxonomy.
func (t Topic) Valid() bool { _, ok := topicTitle(t); return ok }

// Stance is what a provision does for the party that wrote it.
type Stance string

// The stances a provision can take.
const (
	Demand     Stance = "demand"     // what the party requires of the other side
	Commitment Stance = "commitment" // what the party undertakes itself
	Position   Stance = "position"   // a principle or position
	Procedure  Stance = "procedure"  // steps, sequencing
)

// Stances lists every stance in display order.
var Stances = []Stance{Demand, Commitment, Position, Procedure}

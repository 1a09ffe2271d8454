// fragment: replies
// description: Each ask's kind: an ask awaiting a reply, or a mention (recorded when it was written).
// needs: a, q, b
// gives: kind
//
// The store pairs asks with replies as they are written, by the rules of graph/pairing.py (the
// README sets them out beside the questions), and keeps the result on each ask:
// - kind is 'ask' when a piece of the ask's evidence comes from a document of a genre in which
//   asks are made to someone expected to reply (a motion, a question, a letter: graph/schema.py
//   ASK_GENRES), and 'mention' when the ask is only reported (news, press releases, prose of
//   unknown layout): the ask's `_formal` flag. Only an 'ask' can be waiting.
// - `_reply` is the key of the best reply from b to a (about the same thing before about nothing
//   in particular, then the earliest), `_replied_on` and `_reply_day` its date and day number,
//   `_answered_day` the earliest day any fitting reply was made (-1 when one is undated).
// Reading them costs the same whatever the number of replies between the two actors.
WITH CASE WHEN q._formal THEN 'ask' ELSE 'mention' END AS kind

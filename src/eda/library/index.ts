/** The component library (docs/library.md): shipped parts, user libraries, search and lookup. */
export { createLibrary, type Library, type LibraryIssue } from './library.js';
export { loadLibrary, loadShippedParts, loadWithdrawnList, findShippedPartsFile, readUserDir, type LoadOptions } from './load.js';
export { normaliseRecord, type NormaliseResult, type RecordNote } from './normalise.js';
export { DEFAULT_MAX_RESULTS, MAX_QUERY_LENGTH, MAX_RESULTS_LIMIT, type SearchHit, type SearchOptions } from './search.js';
export { quantityOf, parseValue, formatValue, type Quantity, type ValueUnit } from './values.js';
export { mapPinType } from './pin-types.js';
export { readWithdrawnFile, WITHDRAWN_FILE, WITHDRAWN_FORMAT, type WithdrawnEntry, type WithdrawnPart } from './withdrawn.js';

/* de:hub: progressive enhancement only; every feature works without this file. */

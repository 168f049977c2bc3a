"""Pure rules that do not depend on storage: vocabularies (enums) and the error tree."""

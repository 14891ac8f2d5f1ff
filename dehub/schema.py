"""`python -m dehub.schema` (`make schema`): kept as an entry point; see dehub/validate/schema.py."""

from pathlib import Path

from .validate.schema import write_schemas

if __name__ == "__main__":
    for path in write_schemas(Path.cwd()):
        print(f"wrote {path}")

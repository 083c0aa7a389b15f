from django.db import migrations

# The DatabaseCache table (what `createcachetable` would create), under migrations so that
# sql/schema.sql and every environment have it.
CREATE = """
CREATE TABLE cache_pass (
    cache_key varchar(255) NOT NULL PRIMARY KEY,
    value text NOT NULL,
    expires timestamp with time zone NOT NULL
);
CREATE INDEX cache_pass_expires ON cache_pass (expires);
"""


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunSQL(CREATE, "DROP TABLE cache_pass;")]

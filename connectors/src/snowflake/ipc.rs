//! Snowflake's Arrow result chunks (IPC streams) read with every field taken as nullable.
//!
//! A producer may declare a field non-nullable and still send nulls in it: the emulator builds
//! `TIMESTAMP` structs whose `epoch` child is declared non-nullable and holds the NULL rows'
//! nulls, with no validity on the struct itself. arrow's `StreamReader` validates against the
//! declared schema and rejects such a batch, and has no way to replace the schema it reads, so
//! the stream's framing is read here (what `StreamReader` does, without its validation against
//! the stream's own nullability) and each batch (and dictionary) is decoded by arrow's
//! `read_record_batch` (`read_dictionary`) with a nullable copy of the schema. Nulls then reach `decode.rs`, which treats a NULL `epoch` as a
//! NULL value. Everything else (buffer bounds, offsets, types) is still validated by arrow.

use std::collections::HashMap;
use std::sync::Arc;

use datafusion::arrow::buffer::Buffer;
use datafusion::arrow::datatypes::{DataType, Field, FieldRef, Fields, Schema, SchemaRef};
use datafusion::arrow::ipc::reader::{read_dictionary, read_record_batch};
use datafusion::arrow::ipc::{MessageHeader, convert::fb_to_schema, root_as_message};
use datafusion::arrow::record_batch::RecordBatch;

use crate::error::{ConnectorError, ErrorKind};

/// The record batches of one IPC stream (a schema message, then record batch messages).
pub(super) fn read_stream(mut bytes: &[u8]) -> Result<Vec<RecordBatch>, ConnectorError> {
    let mut schema: Option<SchemaRef> = None;
    let mut dictionaries = HashMap::new();
    let mut batches = Vec::new();
    while let Some((metadata, rest)) = next_message(bytes)? {
        let message =
            root_as_message(metadata).map_err(|e| malformed(format!("a message that does not parse: {e}")))?;
        let body_length = usize::try_from(message.bodyLength()).map_err(|_| malformed("a negative body length"))?;
        let (body, rest) = split(rest, body_length)?;
        bytes = rest;
        match message.header_type() {
            MessageHeader::Schema => {
                let header =
                    message.header_as_schema().ok_or_else(|| malformed("a schema message without a schema"))?;
                schema = Some(Arc::new(nullable_schema(&fb_to_schema(header))));
            }
            MessageHeader::RecordBatch => {
                let header =
                    message.header_as_record_batch().ok_or_else(|| malformed("a batch message without a batch"))?;
                let schema = schema.clone().ok_or_else(|| malformed("a record batch before the schema"))?;
                let body = Buffer::from(body.to_vec());
                batches.push(read_record_batch(&body, header, schema, &dictionaries, None, &message.version())?);
            }
            MessageHeader::DictionaryBatch => {
                let header = message
                    .header_as_dictionary_batch()
                    .ok_or_else(|| malformed("a dictionary message without a dictionary"))?;
                let schema = schema.as_deref().ok_or_else(|| malformed("a dictionary before the schema"))?;
                let body = Buffer::from(body.to_vec());
                read_dictionary(&body, header, schema, &mut dictionaries, &message.version())?;
            }
            _ => return Err(malformed("a message that is neither a schema nor a record batch")),
        }
    }
    Ok(batches)
}

/// The metadata of the next message and the bytes after it, or `None` at the end of the stream
/// (no bytes left, or the zero-length end marker). Each message is `[0xFFFFFFFF] length:i32le
/// metadata`; streams older than Arrow 0.15 leave the continuation marker out.
fn next_message(bytes: &[u8]) -> Result<Option<Split<'_>>, ConnectorError> {
    const CONTINUATION: [u8; 4] = [0xff; 4];
    let bytes = bytes.strip_prefix(&CONTINUATION[..]).unwrap_or(bytes);
    if bytes.is_empty() {
        return Ok(None);
    }
    let (length, rest) = split(bytes, 4)?;
    let length = i32::from_le_bytes([length[0], length[1], length[2], length[3]]);
    if length == 0 {
        return Ok(None);
    }
    let length = usize::try_from(length).map_err(|_| malformed("a negative message length"))?;
    split(rest, length).map(Some)
}

/// Bytes cut in two: what was asked for and the rest.
type Split<'b> = (&'b [u8], &'b [u8]);

fn split(bytes: &[u8], at: usize) -> Result<Split<'_>, ConnectorError> {
    if bytes.len() < at {
        return Err(malformed("a message cut short"));
    }
    Ok(bytes.split_at(at))
}

fn malformed(what: impl std::fmt::Display) -> ConnectorError {
    ConnectorError::new(ErrorKind::Internal, format!("Snowflake's Arrow result has {what}"))
}

/// `schema` with every field, at any depth, nullable.
fn nullable_schema(schema: &Schema) -> Schema {
    let fields: Vec<FieldRef> = schema.fields().iter().map(|f| Arc::new(nullable_field(f))).collect();
    Schema::new_with_metadata(fields, schema.metadata().clone())
}

fn nullable_field(field: &Field) -> Field {
    let nested = |fields: &Fields| -> Fields { fields.iter().map(|f| Arc::new(nullable_field(f))).collect() };
    let data_type = match field.data_type() {
        DataType::Struct(fields) => DataType::Struct(nested(fields)),
        DataType::List(item) => DataType::List(Arc::new(nullable_field(item))),
        DataType::LargeList(item) => DataType::LargeList(Arc::new(nullable_field(item))),
        DataType::FixedSizeList(item, size) => DataType::FixedSizeList(Arc::new(nullable_field(item)), *size),
        other => other.clone(),
    };
    field.clone().with_data_type(data_type).with_nullable(true)
}

#[cfg(test)]
mod tests {
    use datafusion::arrow::array::{Array, ArrayRef, Int32Array, Int64Array, StructArray};
    use datafusion::arrow::buffer::NullBuffer;
    use datafusion::arrow::ipc::writer::StreamWriter;

    use super::*;

    /// A stream as the emulator writes a nullable timestamp: a struct without validity whose
    /// non-nullable `epoch` child holds the null.
    fn emulator_stream() -> Vec<u8> {
        let epoch = Arc::new(Field::new("epoch", DataType::Int64, false));
        let fraction = Arc::new(Field::new("fraction", DataType::Int32, false));
        // Built unchecked as the emulator builds it (StructArray::try_new would refuse it).
        let data = datafusion::arrow::array::ArrayData::builder(DataType::Struct(
            vec![epoch.clone(), fraction.clone()].into(),
        ))
        .len(2)
        .child_data(vec![
            Int64Array::from(vec![Some(86_400), None]).into_data(),
            Int32Array::from(vec![Some(500), None]).into_data(),
        ]);
        // SAFETY: the buffers are consistent; only the child's nullability is violated, which
        // is what this stream must carry.
        let parts = StructArray::from(unsafe { data.build_unchecked() });
        let schema = Arc::new(Schema::new(vec![Field::new("ts", parts.data_type().clone(), true)]));
        let mut bytes = Vec::new();
        let mut writer = StreamWriter::try_new(&mut bytes, &schema).unwrap();
        // RecordBatch::try_new checks columns against fields, not nulls inside a struct.
        let batch = RecordBatch::try_new(schema.clone(), vec![Arc::new(parts) as ArrayRef]).unwrap();
        writer.write(&batch).unwrap();
        writer.finish().unwrap();
        drop(writer);
        bytes
    }

    #[test]
    fn reads_nulls_in_fields_declared_non_nullable() {
        let bytes = emulator_stream();
        assert!(
            datafusion::arrow::ipc::reader::StreamReader::try_new(std::io::Cursor::new(&bytes), None)
                .unwrap()
                .next()
                .unwrap()
                .is_err(),
            "arrow's reader refuses the stream (else this module is not needed)"
        );
        let batches = read_stream(&bytes).unwrap();
        assert_eq!(batches.len(), 1);
        let parts = batches[0].column(0).as_any().downcast_ref::<StructArray>().unwrap();
        assert_eq!(parts.len(), 2);
        assert!(parts.column(0).is_valid(0) && parts.column(0).is_null(1));
        assert_eq!(parts.nulls().map(NullBuffer::null_count).unwrap_or(0), 0);
    }

    #[test]
    fn reads_dictionary_encoded_columns() {
        use datafusion::arrow::array::DictionaryArray;
        use datafusion::arrow::datatypes::Int32Type;
        let words: DictionaryArray<Int32Type> = vec![Some("a"), None, Some("b"), Some("a")].into_iter().collect();
        let schema = Arc::new(Schema::new(vec![Field::new("w", words.data_type().clone(), true)]));
        let batch = RecordBatch::try_new(schema.clone(), vec![Arc::new(words) as ArrayRef]).unwrap();
        let mut bytes = Vec::new();
        let mut writer = StreamWriter::try_new(&mut bytes, &schema).unwrap();
        writer.write(&batch).unwrap();
        writer.finish().unwrap();
        drop(writer);
        let batches = read_stream(&bytes).unwrap();
        assert_eq!(batches.len(), 1);
        assert_eq!(batches[0].column(0).as_ref(), batch.column(0).as_ref());
    }

    #[test]
    fn refuses_streams_cut_short() {
        let bytes = emulator_stream();
        for cut in [3, 9, bytes.len() / 2, bytes.len() - 9] {
            assert!(read_stream(&bytes[..cut]).is_err(), "cut at {cut}");
        }
        assert!(read_stream(&[]).unwrap().is_empty());
    }
}

//! Time loading the structural vectors of an index: `load_shapes INDEX_DB`.
fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: load_shapes INDEX_DB");
    let t = std::time::Instant::now();
    let store = plumb_store::Store::open_existing(std::path::Path::new(&path))
        .unwrap()
        .unwrap();
    let opened = t.elapsed();
    let rows = store.shapes().unwrap();
    let read = t.elapsed();
    let n = rows.len();
    drop(rows);
    let t2 = std::time::Instant::now();
    let shapes = plumb_query::Shapes::read(&store).map(|(s, _)| s).unwrap();
    let t3 = std::time::Instant::now();
    let again = plumb_query::Shapes::load(&store).unwrap();
    let t4 = std::time::Instant::now();
    let packed = plumb_query::Shapes::load(&store).unwrap();
    println!(
        "first load (and pack) {:?}, packed load {:?} ({} = {} vectors)",
        t4 - t3,
        t4.elapsed(),
        again.index.len(),
        packed.index.len()
    );
    println!(
        "open {:?}, read {n} rows {:?}, full load {:?} ({} vectors)",
        opened,
        read - opened,
        t2.elapsed(),
        shapes.index.len()
    );
}

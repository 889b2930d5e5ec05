/** The header of a table's last column, the row's buttons: named for screen readers only. */
export function ActionsHeader() {
  return (
    <th scope="col">
      <span className="sr-only">Actions</span>
    </th>
  );
}
